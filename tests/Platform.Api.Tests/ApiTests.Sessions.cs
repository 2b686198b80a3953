using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Api.Tests.Support;
using Platform.Identity.Users;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Sessions follow changes of privilege: tokens, cookies and API keys act with the user's current roles, and logout or a password reset ends them.</summary>
public abstract partial class ApiTests
{
    /// <summary>The three credentials of one user: a bearer token, a session cookie and an API key.</summary>
    private sealed record Credentials(string Token, string Cookie, string ApiKey);

    private async Task<Credentials> SignInEveryWayAsync(string tenant, string userName, string password)
    {
        var token = await Host.TokenAsync(tenant, userName, password);
        using var login = await Anonymous.PostAsync($"/api/{tenant}/auth/login", Body(new { username = userName, password }));
        await ExpectAsync(login, HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthSchemes.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        var key = await ExpectAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Post, $"/api/{tenant}/auth/api-keys", token, new { name = "sync" })), HttpStatusCode.Created);
        return new Credentials(token, cookie, key.Str("key"));
    }

    private Task<HttpResponseMessage> AsTokenAsync(Credentials credentials, HttpMethod method, string url, object? body = null) =>
        Anonymous.SendAsync(WithBearer(method, url, credentials.Token, body));

    private Task<HttpResponseMessage> AsCookieAsync(Credentials credentials, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : Body(body) };
        request.Headers.Add("Cookie", credentials.Cookie);
        request.Headers.Add(AuthSchemes.CsrfHeader, "platform");
        return Anonymous.SendAsync(request);
    }

    private Task<HttpResponseMessage> AsApiKeyAsync(Credentials credentials, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : Body(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", credentials.ApiKey);
        return Anonymous.SendAsync(request);
    }

    private IEnumerable<Func<HttpMethod, string, Task<HttpResponseMessage>>> EveryWay(Credentials credentials) =>
    [
        (method, url) => AsTokenAsync(credentials, method, url),
        (method, url) => AsCookieAsync(credentials, method, url),
        (method, url) => AsApiKeyAsync(credentials, method, url),
    ];

    [Fact]
    public async Task A_demoted_administrator_loses_administration_at_once_on_token_cookie_and_api_key()
    {
        var tenant = await Host.CreateTenantAsync();
        var deputy = await TenantUsers.CreateAsync(Client, tenant, "deputy", roles: ["admin"]);
        var credentials = await SignInEveryWayAsync(tenant, "deputy", UserClients.Password);
        foreach (var send in EveryWay(credentials)) await ExpectAsync(await send(HttpMethod.Get, $"/api/{tenant}/admin/users"), HttpStatusCode.OK);

        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{deputy}", Body(new { roles = new[] { "read-only" } })), HttpStatusCode.OK);

        foreach (var send in EveryWay(credentials))
        {
            await ExpectProblemAsync(await send(HttpMethod.Get, $"/api/{tenant}/admin/users"), HttpStatusCode.Forbidden);
            // Still signed in, with the rights of the new role: read-only reads but does not create.
            await ExpectAsync(await send(HttpMethod.Get, Data(tenant, "account")), HttpStatusCode.OK);
        }
        await ExpectProblemAsync(await AsTokenAsync(credentials, HttpMethod.Post, Data(tenant, "account"), new { name = "Not any more" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_change_of_teams_or_business_unit_reaches_existing_sessions_at_once()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant, "Owned by admin in root"); // owner admin, business unit root
        var seller = await TenantUsers.CreateAsync(Client, tenant, "seller", roles: ["salesperson"]);
        var manager = await TenantUsers.CreateAsync(Client, tenant, "boss", roles: ["sales-manager"]);
        var sellerCredentials = await SignInEveryWayAsync(tenant, "seller", UserClients.Password);
        var managerCredentials = await SignInEveryWayAsync(tenant, "boss", UserClients.Password);
        foreach (var send in EveryWay(sellerCredentials).Concat(EveryWay(managerCredentials)))
            await ExpectProblemAsync(await send(HttpMethod.Get, Data(tenant, "account", account)), HttpStatusCode.NotFound);

        // The manager reads their unit (and below): moving them to root opens root's records. The seller reads their
        // teams' records: the administrator and the seller join team sales.
        var admin = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/auth/me"), HttpStatusCode.OK);
        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{manager}", Body(new { business_unit = "root" })), HttpStatusCode.OK);
        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{admin.Id()}", Body(new { teams = new[] { "sales" } })), HttpStatusCode.OK);
        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{seller}", Body(new { teams = new[] { "sales" } })), HttpStatusCode.OK);

        foreach (var send in EveryWay(sellerCredentials).Concat(EveryWay(managerCredentials)))
            await ExpectAsync(await send(HttpMethod.Get, Data(tenant, "account", account)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deactivating_a_user_refuses_their_token_cookie_and_api_key_at_once_and_reactivation_revives_only_the_api_key()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await TenantUsers.CreateAsync(Client, tenant, "sleeper", roles: ["read-only"]);
        var credentials = await SignInEveryWayAsync(tenant, "sleeper", UserClients.Password);

        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{id}", Body(new { is_active = false })), HttpStatusCode.OK);
        foreach (var send in EveryWay(credentials)) await ExpectUnauthenticatedAsync(await send(HttpMethod.Get, Data(tenant, "account")));

        // Tokens and cookies issued before stay dead (they may have been stolen); the API key follows the active state.
        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{id}", Body(new { is_active = true })), HttpStatusCode.OK);
        await ExpectUnauthenticatedAsync(await AsTokenAsync(credentials, HttpMethod.Get, Data(tenant, "account")));
        await ExpectUnauthenticatedAsync(await AsCookieAsync(credentials, HttpMethod.Get, Data(tenant, "account")));
        await ExpectAsync(await AsApiKeyAsync(credentials, HttpMethod.Get, Data(tenant, "account")), HttpStatusCode.OK);
        var again = await SignInEveryWayAsync(tenant, "sleeper", UserClients.Password);
        foreach (var send in EveryWay(again)) await ExpectAsync(await send(HttpMethod.Get, Data(tenant, "account")), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_ends_every_session_of_the_user_including_a_copied_cookie_and_tokens()
    {
        var tenant = await Host.CreateTenantAsync();
        await TenantUsers.CreateAsync(Client, tenant, "leaver", roles: ["read-only"]);
        var credentials = await SignInEveryWayAsync(tenant, "leaver", UserClients.Password);
        var other = await SignInEveryWayAsync(tenant, "leaver", UserClients.Password); // another device

        using var logout = await AsCookieAsync(credentials, HttpMethod.Post, $"/api/{tenant}/auth/logout");
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        await ExpectUnauthenticatedAsync(await AsCookieAsync(credentials, HttpMethod.Get, Data(tenant, "account")));
        await ExpectUnauthenticatedAsync(await AsCookieAsync(other, HttpMethod.Get, Data(tenant, "account")));
        await ExpectUnauthenticatedAsync(await AsTokenAsync(credentials, HttpMethod.Get, Data(tenant, "account")));
        await ExpectUnauthenticatedAsync(await AsTokenAsync(other, HttpMethod.Get, Data(tenant, "account")));
        // An API key is a credential of its own: it is revoked by itself, not by a logout.
        await ExpectAsync(await AsApiKeyAsync(credentials, HttpMethod.Get, Data(tenant, "account")), HttpStatusCode.OK);
        // Signing in again works.
        var again = await SignInEveryWayAsync(tenant, "leaver", UserClients.Password);
        await ExpectAsync(await AsTokenAsync(again, HttpMethod.Get, Data(tenant, "account")), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_reset_ends_the_users_existing_tokens_and_cookies()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await TenantUsers.CreateAsync(Client, tenant, "forgetful", roles: ["read-only"]);
        var credentials = await SignInEveryWayAsync(tenant, "forgetful", UserClients.Password);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"/api/{tenant}/admin/users/{id}/password", Body(new { password = "a-brand-new-password" }))).StatusCode);

        await ExpectUnauthenticatedAsync(await AsTokenAsync(credentials, HttpMethod.Get, Data(tenant, "account")));
        await ExpectUnauthenticatedAsync(await AsCookieAsync(credentials, HttpMethod.Get, Data(tenant, "account")));
        var fresh = await Host.TokenAsync(tenant, "forgetful", "a-brand-new-password");
        await ExpectAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), fresh)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_session_ended_by_another_host_is_refused_here_within_seconds()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await TenantUsers.CreateAsync(Client, tenant, "roamer", roles: ["read-only"]);
        var token = await Host.TokenAsync(tenant, "roamer", UserClients.Password);
        await ExpectAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), token)), HttpStatusCode.OK);

        // Another host rotates the stamp in the shared database; this host's directory is not told.
        var runtime = await RuntimeAsync(tenant);
        await using (var session = await runtime.Store.OpenAsync(write: true, CancellationToken.None))
        {
            await UserStampStore.RotateAsync(session, runtime.Tenant.Database, id, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        var deadline = DateTime.UtcNow + UserDirectory.CacheFor + TimeSpan.FromSeconds(2);
        HttpStatusCode status;
        do
        {
            using var response = await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), token));
            status = response.StatusCode;
            if (status == HttpStatusCode.Unauthorized) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_token_issued_by_another_host_after_a_logout_there_is_accepted_here_at_once()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await TenantUsers.CreateAsync(Client, tenant, "traveller", roles: ["read-only"]);
        var old = await Host.TokenAsync(tenant, "traveller", UserClients.Password);
        await ExpectAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), old)), HttpStatusCode.OK); // this host's snapshot holds the stamp

        // Another host ends the sessions (a new stamp in the shared database) and signs the user in again.
        var runtime = await RuntimeAsync(tenant);
        string stamp;
        await using (var session = await runtime.Store.OpenAsync(write: true, CancellationToken.None))
        {
            stamp = await UserStampStore.RotateAsync(session, runtime.Tenant.Database, id, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }
        var user = (await Host.Services.GetRequiredService<UserDirectory>().FindAsync(runtime, id, CancellationToken.None))!;
        var fresh = Host.Services.GetRequiredService<TokenIssuer>().Issue(user, tenant, stamp);

        await ExpectAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), fresh)), HttpStatusCode.OK);
        await ExpectUnauthenticatedAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), old)));
    }
}
