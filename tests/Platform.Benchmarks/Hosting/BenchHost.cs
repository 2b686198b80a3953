using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Api.Auth;
using Platform.Benchmarks.Data;
using Platform.Host.Startup;
using Platform.Storage.Providers;

namespace Platform.Benchmarks.Hosting;

/// <summary>
/// One real Kestrel host on 127.0.0.1, composed by the same calls as Platform.Host's Program
/// (<see cref="PlatformHostApplication"/>: services, exception handler, status pages, authentication, request limits,
/// authorization, the API) plus the hand-written baseline endpoints and the permission bypass.
/// Every endpoint, the baseline's too, requires a bearer token, so both sides pay for authentication alike.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _started;

    /// <summary>The benchmark tenant's administrator password (a benchmark-only setting; the platform has no default).</summary>
    private const string AdminPassword = "bench-admin-password-51x";

    /// <summary>The administrator's bearer token once <see cref="SignInAsync"/> ran.</summary>
    public string? AccessToken { get; private set; }

    private BenchHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static BenchHost Build(BenchStorage storage, string modulesDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(storage.HostConfiguration(modulesDirectory));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["auth:admin-password"] = AdminPassword,
            // The benchmarks measure the API, not the rate limiter: switched off explicitly (0), the body limit kept.
            ["limits:tenant-requests-per-second"] = "0",
            ["limits:user-requests-per-second"] = "0",
        });
        // As in production settings: no per-request information logs.
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddPlatformHostApplication(builder.Configuration);
        var app = builder.Build();
        PermissionBypass.Use(app);
        app.UsePlatformHostPipeline();
        return new BenchHost(app);
    }

    /// <summary>Maps the baseline over the tenant's database and starts listening.</summary>
    public async Task StartAsync(TenantDatabase baselineDatabase)
    {
        BaselineEndpoints.Map(_app, baselineDatabase);
        await _app.StartAsync();
        _started = true;
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Gives the tenant its administrator (as a first start does) and gets a token from the token endpoint.</summary>
    public async Task SignInAsync(string tenant)
    {
        await _app.Services.GetRequiredService<TenantAdministrators>().EnsureAsync(tenant, CancellationToken.None);
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var response = await client.PostAsJsonAsync($"api/{tenant}/auth/token", new { username = "admin", password = AdminPassword });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        AccessToken = body.RootElement.GetProperty("access_token").GetString();
    }

    /// <summary>
    /// Creates a user through the users API (as the administrator) with the given roles and business unit, and returns
    /// their bearer token — a real sign-in, so the permissions case measures what such a user's requests cost.
    /// </summary>
    public async Task<string> SignInUserAsync(string tenant, string userName, string[] roles, string businessUnit)
    {
        const string password = "bench-user-password-83k";
        using var client = new HttpClient { BaseAddress = BaseAddress };
        Authorize(client);
        using (var created = await client.PostAsJsonAsync($"api/{tenant}/admin/users",
                   new { user_name = userName, password, roles, teams = Array.Empty<string>(), business_unit = businessUnit }))
            created.EnsureSuccessStatusCode();
        using var response = await client.PostAsJsonAsync($"api/{tenant}/auth/token", new { username = userName, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Makes every request of <paramref name="client"/> carry the administrator's token.</summary>
    public void Authorize(HttpClient client) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken ?? throw new InvalidOperationException("Call SignInAsync first."));

    public async ValueTask DisposeAsync()
    {
        if (_started) await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
