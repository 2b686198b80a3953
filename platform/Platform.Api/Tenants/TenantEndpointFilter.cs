using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Runtime;

namespace Platform.Api.Tenants;

/// <summary>Resolves the {tenant} route value to its runtime; an unknown tenant is a 404 before any handler runs.</summary>
public sealed class TenantEndpointFilter(TenantRuntimeCache runtimes) : IEndpointFilter
{
    private const string ItemKey = "platform.tenant";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var id = http.Request.RouteValues["tenant"] as string;
        var runtime = id is null ? null : await runtimes.GetAsync(id, http.RequestAborted);
        if (runtime is null)
            // Only the sign-in endpoints are open: they refuse an unknown tenant exactly like a wrong password, so tenant
            // names cannot be probed. Signed-in callers only get here with a token of a tenant deleted since.
            return http.User.Identity?.IsAuthenticated == true
                ? ProblemResults.NotFound($"There is no tenant '{id}'.")
                : Auth.AuthEndpoints.SignInRefused(http);
        if (runtime.Status != Platform.Tenancy.TenantStatus.Active)
            return ProblemResults.Of(StatusCodes.Status403Forbidden, "Tenant suspended", $"The tenant '{id}' is suspended.", "tenant-suspended");
        http.Items[ItemKey] = runtime;
        return await next(context);
    }

    public static TenantRuntime Runtime(HttpContext http) =>
        http.Items[ItemKey] as TenantRuntime ?? throw new InvalidOperationException("The tenant filter did not run.");
}
