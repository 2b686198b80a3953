using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Problems;

namespace Platform.Api.Auth;

/// <summary>
/// Answers refused requests with RFC 9457 problem documents: 401 (with WWW-Authenticate) when no valid credentials
/// for this tenant were given — whether or not the tenant exists, so nobody learns tenant names by probing — and 403
/// when the user may not do this.
/// </summary>
public sealed class AuthorizationProblems : IAuthorizationMiddlewareResultHandler
{
    public const string Challenge = "Bearer realm=\"platform\", ApiKey realm=\"platform\"";

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }
        // A handler that calls Fail() is named in the failure reasons; one that stays silent leaves its requirement pending.
        var failure = authorizeResult.AuthorizationFailure;
        var failed = (failure?.FailedRequirements.Cast<object>() ?? []).Concat(failure?.FailureReasons.Select(r => (object)r.Handler) ?? []).ToList();
        IResult problem;
        if (authorizeResult.Challenged || failed.OfType<TenantMatchRequirement>().Any())
        {
            // The authentication middleware keeps only successes; ask again (handlers cache their result) for why it failed.
            var refusal = (await context.AuthenticateAsync()).Failure;
            var detail = failed.OfType<TenantMatchRequirement>().Any() ? "The credentials belong to another tenant."
                : refusal is SecurityTokenExpiredException ? "The access token has expired; get a new one."
                : refusal is not null ? "The credentials were refused (invalid, revoked, or the user is inactive)."
                : "Sign in first: send a bearer token (POST /api/{tenant}/auth/token), an API key, or the session cookie.";
            context.Response.Headers.WWWAuthenticate = Challenge;
            problem = ProblemResults.Of(StatusCodes.Status401Unauthorized, "Authentication required", detail, "unauthenticated");
        }
        else if (failed.OfType<CookieCsrfRequirement>().Any())
        {
            problem = ProblemResults.Of(StatusCodes.Status403Forbidden, "Missing anti-forgery header",
                $"Requests that change data with the session cookie must send the {AuthSchemes.CsrfHeader} header.", "csrf");
        }
        else
        {
            problem = ProblemResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "You are not allowed to do this.", "forbidden");
        }
        await problem.ExecuteAsync(context);
    }
}
