using System.Net;
using System.Net.Http.Headers;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests.Support;

/// <summary>Clients signed in as a particular user, for tests of what that user may and may not do.</summary>
public static class UserClients
{
    /// <summary>A password that passes the platform's rules; tests do not need it to be secret.</summary>
    public const string Password = "user-password-93jf";

    /// <summary>Creates a user through the admin API (as the tenant's administrator) and returns a client holding their token.</summary>
    public static async Task<(HttpClient Client, Guid UserId)> CreateUserClientAsync(this ApiHost host, string tenant, string userName,
        string[]? roles = null, string[]? teams = null, string? businessUnit = null, Guid? managerId = null)
    {
        var created = await ExpectAsync(await host.Client.PostAsync($"/api/{tenant}/admin/users", Body(new
        {
            user_name = userName, password = Password, roles = roles ?? [], teams = teams ?? [], business_unit = businessUnit, manager_id = managerId,
        })), HttpStatusCode.Created);
        return (await host.ClientForAsync(tenant, userName, Password), created.Id());
    }

    /// <summary>A client with a bearer token of an existing user.</summary>
    public static async Task<HttpClient> ClientForAsync(this ApiHost host, string tenant, string userName, string password)
    {
        var token = await TokenAsync(host, tenant, userName, password);
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> TokenAsync(this ApiHost host, string tenant, string userName, string password)
    {
        var answer = await ExpectAsync(await host.AnonymousClient.PostAsync($"/api/{tenant}/auth/token", Body(new { username = userName, password })), HttpStatusCode.OK);
        return answer.Str("access_token");
    }
}
