using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.TestSupport;

/// <summary>
/// Makes a test client authenticate as the tenant's administrator without the test saying so: a request to
/// /api/{tenant}/... that carries no credentials of its own gets a bearer token, fetched from the tenant's token
/// endpoint once and cached. Tenants that give no token (unknown ones) get the request sent as it was.
/// </summary>
public sealed class AdminTokenHandler(string password = TestAdmin.Password) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, Task<string?>> _tokens = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (Tenant(request.RequestUri) is { } tenant && request.Headers.Authorization is null && !request.Headers.Contains("X-Api-Key") &&
            !request.Headers.Contains("Cookie") && !IsSignIn(request.RequestUri!))
        {
            var token = await _tokens.GetOrAdd(tenant, t => FetchAsync(request.RequestUri!, t, ct));
            if (token is null) _tokens.TryRemove(tenant, out _);
            else request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, ct);
    }

    private async Task<string?> FetchAsync(Uri sample, string tenant, CancellationToken ct)
    {
        var uri = new Uri(sample, $"/api/{tenant}/auth/token");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(new { username = TestAdmin.UserName, password }) };
        using var response = await base.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) return null;
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("access_token").GetString();
    }

    private static string? Tenant(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is { Length: >= 2 } && segments[0] == "api" ? Uri.UnescapeDataString(segments[1]) : null;
    }

    private static bool IsSignIn(Uri uri) =>
        uri.AbsolutePath.EndsWith("/auth/token", StringComparison.Ordinal) || uri.AbsolutePath.EndsWith("/auth/login", StringComparison.Ordinal);
}
