using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Platform.Api.Notifications;

internal static class NotificationEndpoints
{
    /// <summary>The signed-in user's in-app notifications (the tenant group's fallback policy requires a signed-in user).</summary>
    public static void MapNotifications(this RouteGroupBuilder tenant)
    {
        var notifications = tenant.MapGroup("/notifications");
        notifications.MapGet("", (Delegate)ListNotifications.HandleAsync);
        notifications.MapPost("/read-all", (Delegate)ReadAllNotifications.HandleAsync);
        notifications.MapPost("/{id:guid}/read", ReadNotification.HandleAsync);
    }
}
