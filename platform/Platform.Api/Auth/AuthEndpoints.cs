using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Problems;
using Platform.Api.Security;
using Platform.Api.Tenants;
using Platform.Identity.Login;
using Platform.Identity.Users;

namespace Platform.Api.Auth;

/// <summary>
/// <c>/api/{tenant}/auth</c>: <c>token</c> (bearer tokens for API clients), <c>login</c> / <c>logout</c> (the web
/// client's session cookie) and <c>me</c>. Only token and login are open to anonymous callers.
/// </summary>
public static class AuthEndpoints
{
    public static void MapAuth(this RouteGroupBuilder tenant)
    {
        var auth = tenant.MapGroup("/auth");
        auth.MapPost("/token", TokenAsync).AllowAnonymous();
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/logout", LogoutAsync);
        auth.MapGet("/me", MeAsync);
        auth.MapApiKeys();
    }

    private static async Task<IResult> TokenAsync(HttpContext http, LoginService login, TokenIssuer tokens)
    {
        var (user, problem) = await CheckPasswordAsync(http, login);
        if (user is null) return problem!;
        var runtime = TenantEndpointFilter.Runtime(http);
        var stamp = await UserStampStore.GetAsync(runtime.Tenant.Database, user.Id, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new
        {
            access_token = tokens.Issue(user.ToDirectoryUser(), runtime.Id, stamp),
            token_type = "Bearer",
            expires_in = (int)tokens.Lifetime.TotalSeconds,
        });
    }

    private static async Task<IResult> LoginAsync(HttpContext http, LoginService login)
    {
        var (user, problem) = await CheckPasswordAsync(http, login);
        if (user is null) return problem!;
        var runtime = TenantEndpointFilter.Runtime(http);
        var stamp = await UserStampStore.GetAsync(runtime.Tenant.Database, user.Id, http.RequestAborted);
        await http.SignInAsync(AuthSchemes.Cookie, UserPrincipal.Create(user.ToDirectoryUser(), runtime.Id, AuthSchemes.Cookie, stamp));
        return Results.Json(CurrentUserJson.Write(user, runtime), AuthJson.Options);
    }

    /// <summary>
    /// Ends every session of the user, not just this cookie: a copied cookie or a token issued to the same user stops
    /// working too (their security stamp changes). API keys are credentials of their own and are revoked one by one.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext http, UserAdministration users)
    {
        var actor = RequestActor.Of(http);
        if (actor.UserId is { } id) await users.EndSessionsAsync(TenantEndpointFilter.Runtime(http), id, actor, http.RequestAborted);
        await http.SignOutAsync(AuthSchemes.Cookie);
        return Results.NoContent();
    }

    private static async Task<IResult> MeAsync(HttpContext http, UserAdministration users)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var user = await users.GetAsync(runtime, RequestActor.Of(http).UserId!.Value, http.RequestAborted);
        return Results.Json(CurrentUserJson.Write(user, AdministersTenant.Includes(http.User, runtime)), AuthJson.Options);
    }

    /// <summary>The same answer for every refusal, so it tells nothing about which user names exist or are locked.</summary>
    private static async Task<(PlatformUser? User, IResult? Problem)> CheckPasswordAsync(HttpContext http, LoginService login)
    {
        var (body, problem) = await AuthJson.ReadObjectAsync(http.Request);
        if (problem is not null) return (null, problem);
        var runtime = TenantEndpointFilter.Runtime(http);
        var user = await login.CheckPasswordAsync(runtime, AuthJson.String(body, "username"), AuthJson.String(body, "password"),
            http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        return user is not null ? (user, null) : (null, SignInRefused(http));
    }

    /// <summary>One answer for a wrong password, an unknown or locked user, and an unknown tenant.</summary>
    public static IResult SignInRefused(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = AuthorizationProblems.Challenge;
        return ProblemResults.Of(StatusCodes.Status401Unauthorized, "Sign-in refused",
            "The user name or password is wrong, or the account is locked after repeated failed attempts.", "invalid-credentials");
    }
}
