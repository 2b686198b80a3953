using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Messaging.Notifications;

namespace Platform.Api.Notifications;

/// <summary>
/// GET /notifications?unread=true&amp;$top=: the signed-in user's notifications, newest first, with how many are unread
/// (<c>{"value": [...], "unreadCount": n}</c>).
/// </summary>
internal static class ListNotifications
{
    private const int DefaultTop = 50;
    private const int MaxTop = 200;

    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        if (NotificationRecipient.Of(http) is not { } user) return NotificationRecipient.Refused();
        var query = http.Request.Query;
        var unreadOnly = false;
        if (query["unread"] is { Count: > 0 } unread && !bool.TryParse(unread, out unreadOnly))
            return Problems.ProblemResults.BadQuery([("unread", "must be true or false")]);
        var top = DefaultTop;
        if (query["$top"] is { Count: > 0 } topText && (!int.TryParse(topText, out top) || top < 1 || top > MaxTop))
            return Problems.ProblemResults.BadQuery([("$top", $"must be a whole number from 1 to {MaxTop}")]);
        var runtime = TenantEndpointFilter.Runtime(http);
        var items = await NotificationStore.ListAsync(runtime, user, unreadOnly, top, http.RequestAborted);
        var unreadCount = await NotificationStore.UnreadCountAsync(runtime, user, http.RequestAborted);
        return Results.Json(new { value = items.Select(NotificationJson.Of).ToList(), unreadCount });
    }
}
