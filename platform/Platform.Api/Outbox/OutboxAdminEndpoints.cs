using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;

namespace Platform.Api.Outbox;

/// <summary>/admin/outbox: a tenant administrator sees undelivered (pending or failed) events and re-queues them.</summary>
internal static class OutboxAdminEndpoints
{
    public static void MapOutboxAdmin(this RouteGroupBuilder tenant)
    {
        var outbox = tenant.MapGroup("/admin/outbox").RequireAuthorization(AuthSchemes.AdminPolicy);
        outbox.MapGet("", (Delegate)ListOutboxEvents.HandleAsync);
        outbox.MapPost("/{eventId:guid}/retry", RetryOutboxEvent.HandleAsync);
    }
}
