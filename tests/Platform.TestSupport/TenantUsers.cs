using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Platform.TestSupport;

/// <summary>Real users of a tenant for tests: created through the users admin API and signed in through the token endpoint.</summary>
public static class TenantUsers
{
    /// <summary>A password that passes the platform's rules; tests do not need it to be secret.</summary>
    public const string Password = "user-password-93jf";

    /// <summary>Creates a user as the tenant's administrator (<paramref name="admin"/> must carry their credentials); returns the new id.</summary>
    public static async Task<Guid> CreateAsync(HttpClient admin, string tenant, string userName, IReadOnlyList<string>? roles = null,
        IReadOnlyList<string>? teams = null, string? businessUnit = null, Guid? managerId = null)
    {
        using var response = await admin.PostAsJsonAsync($"/api/{tenant}/admin/users", new Dictionary<string, object?>
        {
            ["user_name"] = userName, ["password"] = Password, ["roles"] = roles ?? [], ["teams"] = teams ?? [],
            ["business_unit"] = businessUnit, ["manager_id"] = managerId,
        });
        var created = await ExpectAsync(response, HttpStatusCode.Created, $"creating user '{userName}'");
        return Guid.Parse(created.GetProperty("id").GetString()!);
    }

    /// <summary>Signs in through POST /api/{tenant}/auth/token and answers the bearer token.</summary>
    public static async Task<string> TokenAsync(HttpClient anonymous, string tenant, string userName, string password)
    {
        using var response = await anonymous.PostAsJsonAsync($"/api/{tenant}/auth/token", new { username = userName, password });
        var answer = await ExpectAsync(response, HttpStatusCode.OK, $"signing in as '{userName}'");
        return answer.GetProperty("access_token").GetString()!;
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string doing)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{doing}: expected {(int)status} but got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
