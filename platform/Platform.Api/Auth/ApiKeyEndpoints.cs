using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Problems;
using Platform.Api.Security;
using Platform.Api.Tenants;
using Platform.Identity.ApiKeys;

namespace Platform.Api.Auth;

/// <summary>
/// <c>/api/{tenant}/auth/api-keys</c>: a signed-in user creates keys that act as themselves (the secret is in the
/// create answer only), lists them without secrets, and revokes them; administrators see and revoke everyone's.
/// </summary>
public static class ApiKeyEndpoints
{
    public static void MapApiKeys(this RouteGroupBuilder auth)
    {
        auth.MapPost("/api-keys", CreateAsync);
        auth.MapGet("/api-keys", ListAsync);
        auth.MapDelete("/api-keys/{id:guid}", RevokeAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ApiKeyService keys)
    {
        var (body, problem) = await AuthJson.ReadObjectAsync(http.Request);
        if (problem is not null) return problem;
        var runtime = TenantEndpointFilter.Runtime(http);
        var actor = RequestActor.Of(http);
        var (key, secret) = await keys.CreateAsync(runtime, actor.UserId!.Value, AuthJson.String(body, "name"), actor, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new
        {
            id = key.Id, name = key.Name, prefix = key.Prefix, user_id = key.UserId, created_at = key.CreatedAt,
            key = secret,
        }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ApiKeyService keys)
    {
        var actor = RequestActor.Of(http);
        var list = await keys.ListAsync(TenantEndpointFilter.Runtime(http), IsAdmin(http) ? null : actor.UserId, http.RequestAborted);
        return Results.Json(new { value = list.Select(Write) });
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, Guid id, ApiKeyService keys)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var actor = RequestActor.Of(http);
        var key = await keys.FindAsync(runtime, id, http.RequestAborted);
        // Someone else's key is "not found", not "forbidden": its existence is none of the caller's business.
        if (key is null || (key.UserId != actor.UserId && !IsAdmin(http))) return ProblemResults.NotFound($"There is no API key {id}.");
        await keys.RevokeAsync(runtime, key, actor, http.RequestAborted);
        return Results.NoContent();
    }

    private static bool IsAdmin(HttpContext http) => AdministersTenant.Includes(http.User, TenantEndpointFilter.Runtime(http));

    private static object Write(ApiKeyInfo key) => new
    {
        id = key.Id, name = key.Name, prefix = key.Prefix, user_id = key.UserId, created_at = key.CreatedAt, revoked_at = key.RevokedAt,
    };
}
