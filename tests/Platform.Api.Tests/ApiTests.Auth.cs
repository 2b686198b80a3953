using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Auth;
using Platform.Api.Tests.Support;
using Platform.Records.Security;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Authentication: tokens, cookies, API keys, lockout, the users admin API, and that nothing is open by accident.</summary>
public abstract partial class ApiTests
{
    private HttpClient Anonymous => Host.AnonymousClient;

    private Task<HttpResponseMessage> TokenRequestAsync(string tenant, string username, string password) =>
        Anonymous.PostAsync($"/api/{tenant}/auth/token", Body(new { username, password }));

    private static HttpRequestMessage WithBearer(HttpMethod method, string url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : Body(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task ExpectUnauthenticatedAsync(HttpResponseMessage response)
    {
        await ExpectProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_token_for_the_right_password_reads_and_writes_as_that_user()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        using var response = await TokenRequestAsync(tenant, "ADMIN", TestAdmin.Password); // user names ignore case
        var answer = await ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("Bearer", answer.Str("token_type"));
        Assert.InRange(answer.GetProperty("expires_in").GetInt32(), 60, 24 * 3600);
        var token = answer.Str("access_token");

        var me = await ExpectAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, $"/api/{tenant}/auth/me", token)), HttpStatusCode.OK);
        Assert.Equal("admin", me.Str("user_name"));
        Assert.Equal(["admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(me.TryGetProperty("password_hash", out _));

        var created = await ExpectAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Post, Data(tenant, "account"), token, new { name = "Mine" })), HttpStatusCode.Created);
        Assert.Equal(me.Str("id"), created.Str("created_by"));
        Assert.Equal(me.Str("id"), created.Str("owner"));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_problem()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var wrong = await ExpectProblemAsync(await TokenRequestAsync(tenant, "admin", "not-the-password"), HttpStatusCode.Unauthorized);
        var unknown = await ExpectProblemAsync(await TokenRequestAsync(tenant, "nobody-here", "not-the-password"), HttpStatusCode.Unauthorized);
        Assert.Equal(wrong.Str("detail"), unknown.Str("detail"));
        Assert.Equal(wrong.Str("type"), unknown.Str("type"));
        await ExpectProblemAsync(await Anonymous.PostAsync($"/api/{tenant}/auth/token", Body("""{"username": "admin"}""")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Expired_forged_and_other_tenant_tokens_are_refused()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var other = await Host.CreateTenantAsync();
        var admin = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/auth/me"), HttpStatusCode.OK);
        var user = new DirectoryUser(admin.Id(), "admin", "Administrator", null, null, [], ["admin"], null, true);

        string Mint(SigningCredentials credentials, DateTime expires, string forTenant) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(UserPrincipal.Claims(user, forTenant)),
            Issuer = TokenIssuer.Issuer, Audience = TokenIssuer.Audience,
            IssuedAt = expires.AddHours(-1), NotBefore = expires.AddHours(-1), Expires = expires, SigningCredentials = credentials,
        });
        var keys = Host.Services.GetRequiredService<SigningKeys>();
        var forged = new SigningCredentials(new SymmetricSecurityKey(new byte[64]), SecurityAlgorithms.HmacSha256);

        // The genuine article works, so each refusal below is for the one thing changed.
        await ExpectAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), Mint(keys.Credentials, DateTime.UtcNow.AddMinutes(10), tenant))), HttpStatusCode.OK);

        var expired = await ExpectProblemAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), Mint(keys.Credentials, DateTime.UtcNow.AddMinutes(-5), tenant))), HttpStatusCode.Unauthorized);
        Assert.Contains("expired", expired.Str("detail"));
        await ExpectUnauthenticatedAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), Mint(forged, DateTime.UtcNow.AddMinutes(10), tenant))));
        await ExpectUnauthenticatedAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(tenant, "account"), "not.a.token")));

        // A real token of one tenant on another tenant's routes, and one minted for the other tenant with this tenant's user id.
        var token = await Host.TokenAsync(tenant, "admin", TestAdmin.Password);
        var crossed = await ExpectProblemAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(other, "account"), token)), HttpStatusCode.Unauthorized);
        Assert.Contains("another tenant", crossed.Str("detail"));
        await ExpectUnauthenticatedAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Post, Data(other, "account"), token, new { name = "x" })));
        await ExpectUnauthenticatedAsync(await Anonymous.SendAsync(WithBearer(HttpMethod.Get, Data(other, "account"), Mint(keys.Credentials, DateTime.UtcNow.AddMinutes(10), other))));
        Assert.Equal(0, await CountAsync(other, "account"));
    }

    [Fact]
    public async Task Every_route_but_health_and_sign_in_needs_credentials()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var id = Guid.NewGuid();
        var routes = new (HttpMethod Method, string Url)[]
        {
            (HttpMethod.Get, Data(tenant, "account")), (HttpMethod.Post, Data(tenant, "account")), (HttpMethod.Post, Data(tenant, "account") + "/bulk"),
            (HttpMethod.Get, Data(tenant, "account", id)), (HttpMethod.Patch, Data(tenant, "account", id)), (HttpMethod.Delete, Data(tenant, "account", id)),
            (HttpMethod.Post, Data(tenant, "lead", id) + "/actions/convert"), (HttpMethod.Get, Data(tenant, "opportunity", id) + "/contacts"),
            (HttpMethod.Post, Data(tenant, "opportunity", id) + "/contacts"), (HttpMethod.Delete, Data(tenant, "opportunity", id) + $"/contacts/{id}"),
            (HttpMethod.Get, $"/api/{tenant}/metadata/entities"), (HttpMethod.Get, $"/api/{tenant}/metadata/entities/account"),
            (HttpMethod.Get, $"/api/{tenant}/metadata/entities/account/schema"), (HttpMethod.Get, $"/api/{tenant}/openapi.json"),
            (HttpMethod.Get, $"/api/{tenant}/auth/me"), (HttpMethod.Post, $"/api/{tenant}/auth/logout"), (HttpMethod.Get, $"/api/{tenant}/auth/api-keys"),
            (HttpMethod.Post, $"/api/{tenant}/auth/api-keys"), (HttpMethod.Get, $"/api/{tenant}/admin/users"), (HttpMethod.Post, $"/api/{tenant}/admin/users"),
            (HttpMethod.Get, $"/api/{tenant}/no-such-route"),
        };
        foreach (var (method, url) in routes)
        {
            using var response = await Anonymous.SendAsync(new HttpRequestMessage(method, url) { Content = method == HttpMethod.Get ? null : Body(new { }) });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} answered {(int)response.StatusCode}");
            await ExpectUnauthenticatedAsync(response);
        }

        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenRequestAsync(tenant, "admin", TestAdmin.Password)).StatusCode);
    }

    [Fact]
    public async Task An_api_key_acts_as_its_owner_is_listed_without_its_secret_and_stops_working_when_revoked()
    {
        var tenant = await Host.CreateTenantAsync();
        var (sales, salesId) = await Host.CreateUserClientAsync(tenant, "sally", roles: ["salesperson"]);

        var created = await ExpectAsync(await sales.PostAsync($"/api/{tenant}/auth/api-keys", Body(new { name = "ERP sync" })), HttpStatusCode.Created);
        var secret = created.Str("key");
        Assert.StartsWith("pk_", secret);

        var listed = await ExpectAsync(await sales.GetAsync($"/api/{tenant}/auth/api-keys"), HttpStatusCode.OK);
        var key = Assert.Single(listed.Values());
        Assert.Equal("ERP sync", key.Str("name"));
        Assert.False(key.TryGetProperty("key", out _));
        Assert.DoesNotContain(secret, listed.GetRawText());
        Assert.DoesNotContain(secret[8..], listed.GetRawText());

        // Both header forms; the write is stamped with the key's owner.
        var viaAuthorization = new HttpRequestMessage(HttpMethod.Post, Data(tenant, "account")) { Content = Body(new { name = "From ERP" }) };
        viaAuthorization.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", secret);
        var record = await ExpectAsync(await Anonymous.SendAsync(viaAuthorization), HttpStatusCode.Created);
        Assert.Equal(salesId.ToString(), record.Str("created_by"));
        var viaHeader = new HttpRequestMessage(HttpMethod.Get, Data(tenant, "account"));
        viaHeader.Headers.Add("X-Api-Key", secret);
        await ExpectAsync(await Anonymous.SendAsync(viaHeader), HttpStatusCode.OK);

        // Another tenant does not know the key.
        var other = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var elsewhere = new HttpRequestMessage(HttpMethod.Get, Data(other, "account"));
        elsewhere.Headers.Add("X-Api-Key", secret);
        await ExpectUnauthenticatedAsync(await Anonymous.SendAsync(elsewhere));

        using var revoke = await sales.DeleteAsync($"/api/{tenant}/auth/api-keys/{key.Str("id")}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var afterRevoke = new HttpRequestMessage(HttpMethod.Get, Data(tenant, "account"));
        afterRevoke.Headers.Add("X-Api-Key", secret);
        await ExpectUnauthenticatedAsync(await Anonymous.SendAsync(afterRevoke));
        var revoked = Assert.Single((await ExpectAsync(await sales.GetAsync($"/api/{tenant}/auth/api-keys"), HttpStatusCode.OK)).Values());
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revoked_at").ValueKind);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_for_the_right_password_until_an_admin_unlocks_it()
    {
        var tenant = await Host.CreateTenantAsync();
        var (_, userId) = await Host.CreateUserClientAsync(tenant, "bob");

        // A brute-force run: five guesses lock the account.
        for (var i = 0; i < 5; i++) await ExpectProblemAsync(await TokenRequestAsync(tenant, "bob", $"guess-number-{i}"), HttpStatusCode.Unauthorized);
        var locked = await ExpectProblemAsync(await TokenRequestAsync(tenant, "bob", UserClients.Password), HttpStatusCode.Unauthorized);
        var unknown = await ExpectProblemAsync(await TokenRequestAsync(tenant, "nobody", UserClients.Password), HttpStatusCode.Unauthorized);
        Assert.Equal(unknown.Str("detail"), locked.Str("detail")); // a locked account is not told apart from a missing one
        var shown = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/users/{userId}"), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, shown.GetProperty("locked_until").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"/api/{tenant}/admin/users/{userId}/unlock", Body(new { }))).StatusCode);
        await ExpectAsync(await TokenRequestAsync(tenant, "bob", UserClients.Password), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_failed_count_below_the_limit_is_reset_by_a_successful_sign_in()
    {
        var tenant = await Host.CreateTenantAsync();
        await Host.CreateUserClientAsync(tenant, "carol");

        for (var i = 0; i < 4; i++) await ExpectProblemAsync(await TokenRequestAsync(tenant, "carol", "wrong-password-x"), HttpStatusCode.Unauthorized);
        await ExpectAsync(await TokenRequestAsync(tenant, "carol", UserClients.Password), HttpStatusCode.OK);
        for (var i = 0; i < 4; i++) await ExpectProblemAsync(await TokenRequestAsync(tenant, "carol", "wrong-password-x"), HttpStatusCode.Unauthorized);
        await ExpectAsync(await TokenRequestAsync(tenant, "carol", UserClients.Password), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cookie_login_sets_a_strict_http_only_secure_cookie_and_unsafe_requests_need_the_csrf_header()
    {
        // A tenant of its own: the logout at the end ends every session of its administrator.
        var tenant = await Host.CreateTenantAsync();
        using var browser = Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        using var login = await browser.PostAsync($"/api/{tenant}/auth/login", Body(new { username = "admin", password = TestAdmin.Password }));
        await ExpectAsync(login, HttpStatusCode.OK);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthSchemes.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"path=/api/{tenant}", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookie = setCookie.Split(';')[0];

        HttpRequestMessage WithCookie(HttpMethod method, string url, bool csrfHeader, object? body = null)
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : Body(body) };
            request.Headers.Add("Cookie", cookie);
            if (csrfHeader) request.Headers.Add(AuthSchemes.CsrfHeader, "platform");
            return request;
        }

        Assert.Equal("admin", (await ExpectAsync(await browser.SendAsync(WithCookie(HttpMethod.Get, $"/api/{tenant}/auth/me", false)), HttpStatusCode.OK)).Str("user_name"));
        await ExpectAsync(await browser.SendAsync(WithCookie(HttpMethod.Get, Data(tenant, "account"), false)), HttpStatusCode.OK);

        var before = await CountAsync(tenant, "account");
        var refused = await ExpectProblemAsync(await browser.SendAsync(WithCookie(HttpMethod.Post, Data(tenant, "account"), false, new { name = "Forged" })), HttpStatusCode.Forbidden);
        Assert.Contains(AuthSchemes.CsrfHeader, refused.Str("detail"));
        Assert.Equal(before, await CountAsync(tenant, "account"));
        await ExpectAsync(await browser.SendAsync(WithCookie(HttpMethod.Post, Data(tenant, "account"), true, new { name = "Mine" })), HttpStatusCode.Created);

        // A form cannot post the sign-in either: JSON only.
        using var form = await browser.PostAsync($"/api/{tenant}/auth/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = TestAdmin.Password }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        // The cookie belongs to this tenant only.
        var other = await Host.CreateTenantAsync();
        var crossed = WithCookie(HttpMethod.Get, Data(other, "account"), false);
        await ExpectUnauthenticatedAsync(await browser.SendAsync(crossed));

        using var logout = await browser.SendAsync(WithCookie(HttpMethod.Post, $"/api/{tenant}/auth/logout", true));
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthSchemes.CookieName + "=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_users_admin_api_is_for_admins_only_and_nobody_grants_themselves_roles()
    {
        var tenant = await Host.CreateTenantAsync();
        var (sales, salesId) = await Host.CreateUserClientAsync(tenant, "sam", roles: ["salesperson"], teams: ["sales"], businessUnit: "root");

        await ExpectProblemAsync(await sales.GetAsync($"/api/{tenant}/admin/users"), HttpStatusCode.Forbidden);
        await ExpectProblemAsync(await sales.PostAsync($"/api/{tenant}/admin/users", Body(new { user_name = "mallory", password = UserClients.Password, roles = new[] { "admin" } })), HttpStatusCode.Forbidden);
        await ExpectProblemAsync(await sales.PatchAsync($"/api/{tenant}/admin/users/{salesId}", Body(new { roles = new[] { "admin" } })), HttpStatusCode.Forbidden);
        var me = await ExpectAsync(await sales.GetAsync($"/api/{tenant}/auth/me"), HttpStatusCode.OK);
        Assert.Equal(["salesperson"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("root", me.Str("business_unit"));

        // An administrator cannot change their own roles, and bodies cannot set what the API does not offer.
        var admin = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/auth/me"), HttpStatusCode.OK);
        await ExpectProblemAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{admin.Id()}", Body(new { roles = Array.Empty<string>() })), HttpStatusCode.Forbidden);
        var refused = await ExpectProblemAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{salesId}", Body(new { password_hash = "x", failed_logins = 0, id = Guid.NewGuid() })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/password_hash", "/failed_logins", "/id"], Pointers(refused));

        // Records cannot be stamped with another owner or creator either.
        var record = await ExpectProblemAsync(await sales.PostAsync(Data(tenant, "account"), Body(new { name = "x", owner = admin.Str("id"), created_by = admin.Str("id") })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/owner", "/created_by"], Pointers(record));

        // The administrator changes membership; the user's next token carries it.
        var updated = await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{salesId}", Body(new { roles = new[] { "salesperson", "sales-manager" }, manager_id = admin.Str("id") })), HttpStatusCode.OK);
        Assert.Equal(["salesperson", "sales-manager"], updated.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["sales"], updated.GetProperty("teams").EnumerateArray().Select(r => r.GetString()));
        var token = new JsonWebTokenHandler().ReadJsonWebToken(await Host.TokenAsync(tenant, "sam", UserClients.Password));
        Assert.Equal(["salesperson", "sales-manager"], token.Claims.Where(c => c.Type == PlatformClaims.Role).Select(c => c.Value));
        Assert.Equal(tenant, token.GetClaim(PlatformClaims.Tenant).Value);
        Assert.Equal("sales", token.GetClaim(PlatformClaims.Team).Value);
        Assert.Equal("root", token.GetClaim(PlatformClaims.BusinessUnit).Value);
    }

    [Fact]
    public async Task User_names_are_unique_ignoring_case_and_passwords_must_be_long_enough()
    {
        var tenant = await Host.CreateTenantAsync();
        await ExpectProblemAsync(await Client.PostAsync($"/api/{tenant}/admin/users", Body(new { user_name = "Admin", password = UserClients.Password })), HttpStatusCode.Conflict);
        var weak = await ExpectProblemAsync(await Client.PostAsync($"/api/{tenant}/admin/users", Body(new { user_name = "weak", password = "short" })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/password"], Pointers(weak));
    }

    [Fact]
    public async Task A_deactivated_user_is_refused_at_once_and_a_password_reset_takes_effect()
    {
        var tenant = await Host.CreateTenantAsync();
        var (client, id) = await Host.CreateUserClientAsync(tenant, "dave");
        await ExpectAsync(await client.GetAsync(Data(tenant, "account")), HttpStatusCode.OK);

        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{id}", Body(new { is_active = false })), HttpStatusCode.OK);
        await ExpectUnauthenticatedAsync(await client.GetAsync(Data(tenant, "account")));
        await ExpectProblemAsync(await TokenRequestAsync(tenant, "dave", UserClients.Password), HttpStatusCode.Unauthorized);

        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{id}", Body(new { is_active = true })), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"/api/{tenant}/admin/users/{id}/password", Body(new { password = "a-brand-new-password" }))).StatusCode);
        await ExpectProblemAsync(await TokenRequestAsync(tenant, "dave", UserClients.Password), HttpStatusCode.Unauthorized);
        await ExpectAsync(await TokenRequestAsync(tenant, "dave", "a-brand-new-password"), HttpStatusCode.OK);
    }
}
