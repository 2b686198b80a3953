using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Messaging.Notifications;

namespace Platform.Api.Notifications;

/// <summary>POST /notifications/read-all: marks every unread notification of the signed-in user read; answers how many.</summary>
internal static class ReadAllNotifications
{
    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        if (NotificationRecipient.Of(http) is not { } user) return NotificationRecipient.Refused();
        var runtime = TenantEndpointFilter.Runtime(http);
        var marked = await NotificationStore.MarkAllReadAsync(runtime, user, http.RequestAborted);
        return Results.Json(new { marked, unreadCount = 0 });
    }
}
