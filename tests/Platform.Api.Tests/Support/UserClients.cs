using System.Net.Http.Headers;
using Platform.TestSupport;

namespace Platform.Api.Tests.Support;

/// <summary>Clients signed in as a particular user, for tests of what that user may and may not do.</summary>
public static class UserClients
{
    /// <summary>The password of every user these helpers create (see <see cref="TenantUsers"/>).</summary>
    public const string Password = TenantUsers.Password;

    /// <summary>Creates a user through the admin API (as the tenant's administrator) and returns a client holding their token.</summary>
    public static async Task<(HttpClient Client, Guid UserId)> CreateUserClientAsync(this ApiHost host, string tenant, string userName,
        string[]? roles = null, string[]? teams = null, string? businessUnit = null, Guid? managerId = null)
    {
        var id = await TenantUsers.CreateAsync(host.Client, tenant, userName, roles, teams, businessUnit, managerId);
        return (await host.ClientForAsync(tenant, userName, Password), id);
    }

    /// <summary>A client with a bearer token of an existing user.</summary>
    public static async Task<HttpClient> ClientForAsync(this ApiHost host, string tenant, string userName, string password)
    {
        var token = await TokenAsync(host, tenant, userName, password);
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<string> TokenAsync(this ApiHost host, string tenant, string userName, string password) =>
        TenantUsers.TokenAsync(host.AnonymousClient, tenant, userName, password);
}
