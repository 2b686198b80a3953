using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Platform.Records.Security;
using Platform.Runtime;

namespace Platform.Api.Auth;

/// <summary>
/// The policy behind the /admin and /privacy routes (<see cref="AuthSchemes.AdminPolicy"/>) and seeing everyone's API
/// keys: the signed-in user's roles administer the route's tenant (<see cref="SecurityModel.IsAdministrator"/>).
/// </summary>
public sealed class AdministersTenant(TenantRuntimeCache runtimes) : AuthorizationHandler<AdministersTenant.Requirement>
{
    public sealed class Requirement : IAuthorizationRequirement;

    public static bool Includes(ClaimsPrincipal user, TenantRuntime runtime) =>
        SecurityModel.For(runtime.Definitions).IsAdministrator(user.FindAll(PlatformClaims.Role).Select(c => c.Value));

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (http?.Request.RouteValues["tenant"] is string tenant &&
            await runtimes.GetAsync(tenant, http.RequestAborted) is { } runtime && Includes(context.User, runtime))
            context.Succeed(requirement);
    }
}
