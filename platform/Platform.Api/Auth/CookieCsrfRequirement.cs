using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Platform.Api.Auth;

/// <summary>
/// A cookie is sent by the browser on its own, so a cookie-authenticated request that changes anything must also
/// carry <see cref="AuthSchemes.CsrfHeader"/>, which only the platform's own pages set. Bearer tokens and API keys
/// are never sent implicitly and need no such proof.
/// </summary>
public sealed class CookieCsrfRequirement : AuthorizationHandler<CookieCsrfRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CookieCsrfRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var byCookie = context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthSchemes.Cookie);
        var safe = http is null || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ||
                   HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method);
        if (!byCookie || safe || !string.IsNullOrWhiteSpace(http!.Request.Headers[AuthSchemes.CsrfHeader]))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, $"A cookie-authenticated {http.Request.Method} needs the {AuthSchemes.CsrfHeader} header."));
        return Task.CompletedTask;
    }
}
