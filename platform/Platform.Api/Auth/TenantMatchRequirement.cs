using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Platform.Api.Auth;

/// <summary>
/// The one place that keeps tenants apart at the door: credentials issued by tenant A are worth nothing on
/// /api/B/... (answered 401, as if none were given). Part of every policy.
/// </summary>
public sealed class TenantMatchRequirement : AuthorizationHandler<TenantMatchRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantMatchRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var routeTenant = http?.Request.RouteValues["tenant"] as string;
        if (routeTenant is null || string.Equals(UserPrincipal.Tenant(context.User), routeTenant, StringComparison.Ordinal))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, "The credentials belong to another tenant."));
        return Task.CompletedTask;
    }
}
