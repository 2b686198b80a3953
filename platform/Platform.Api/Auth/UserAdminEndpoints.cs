using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Security;
using Platform.Api.Tenants;
using Platform.Identity.Users;

namespace Platform.Api.Auth;

/// <summary>
/// <c>/api/{tenant}/admin/users</c>: list, create (with a password), read, update profile and membership, reset a
/// password, unlock. Administrators only, and none grants more than they hold (see UserAdministration).
/// </summary>
public static class UserAdminEndpoints
{
    public static void MapUserAdmin(this RouteGroupBuilder tenant)
    {
        var users = tenant.MapGroup("/admin/users").RequireAuthorization(AuthSchemes.AdminPolicy);
        users.MapGet("", (Delegate)ListAsync);
        users.MapPost("", CreateAsync);
        users.MapGet("/{id:guid}", GetAsync);
        users.MapPatch("/{id:guid}", UpdateAsync);
        users.MapPost("/{id:guid}/password", ResetPasswordAsync);
        users.MapPost("/{id:guid}/unlock", UnlockAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http)
    {
        var users = await UserStore.ListAsync(TenantEndpointFilter.Runtime(http).Tenant.Database, http.RequestAborted);
        return Results.Json(new { value = users.Select(UserJson.Write) }, AuthJson.Options);
    }

    private static async Task<IResult> GetAsync(HttpContext http, Guid id, UserAdministration users) =>
        Results.Json(UserJson.Write(await users.GetAsync(TenantEndpointFilter.Runtime(http), id, http.RequestAborted)), AuthJson.Options);

    private static async Task<IResult> CreateAsync(HttpContext http, UserAdministration users)
    {
        var (body, problem) = await AuthJson.ReadObjectAsync(http.Request);
        if (problem is not null) return problem;
        var user = await users.CreateAsync(TenantEndpointFilter.Runtime(http), UserJson.ReadNew(body), RequestActor.Of(http), http.RequestAborted);
        return Results.Json(UserJson.Write(user), AuthJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, Guid id, UserAdministration users)
    {
        var (body, problem) = await AuthJson.ReadObjectAsync(http.Request);
        if (problem is not null) return problem;
        var runtime = TenantEndpointFilter.Runtime(http);
        var current = await users.GetAsync(runtime, id, http.RequestAborted);
        var saved = await users.UpdateAsync(runtime, UserJson.ReadChanges(body, current), RequestActor.Of(http), http.RequestAborted);
        return Results.Json(UserJson.Write(saved), AuthJson.Options);
    }

    private static async Task<IResult> ResetPasswordAsync(HttpContext http, Guid id, UserAdministration users)
    {
        var (body, problem) = await AuthJson.ReadObjectAsync(http.Request);
        if (problem is not null) return problem;
        await users.ResetPasswordAsync(TenantEndpointFilter.Runtime(http), id, AuthJson.String(body, "password"), RequestActor.Of(http), http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> UnlockAsync(HttpContext http, Guid id, UserAdministration users)
    {
        await users.UnlockAsync(TenantEndpointFilter.Runtime(http), id, RequestActor.Of(http), http.RequestAborted);
        return Results.NoContent();
    }
}
