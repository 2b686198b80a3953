using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Messaging.Notifications;

namespace Platform.Api.Notifications;

/// <summary>
/// POST /notifications/{id}/read: marks one of the signed-in user's notifications read (again is fine: it keeps its
/// first read time). Another user's notification is a 404, as one that does not exist, so ids cannot be probed.
/// </summary>
internal static class ReadNotification
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid id)
    {
        if (NotificationRecipient.Of(http) is not { } user) return NotificationRecipient.Refused();
        var runtime = TenantEndpointFilter.Runtime(http);
        return await NotificationStore.MarkReadAsync(runtime, user, id, http.RequestAborted)
            ? Results.NoContent()
            : NotificationRecipient.NotFound(id);
    }
}
