using Platform.Messaging.Notifications;

namespace Platform.Api.Notifications;

/// <summary>A notification as the API answers it: <c>{id, title, body, link: {entity, recordId}, createdAt, readAt}</c>.</summary>
internal static class NotificationJson
{
    public static object Of(NotificationItem item) => new
    {
        id = item.Id,
        title = item.Title,
        body = item.Body,
        link = item.Link is { } link ? new { entity = link.Entity, recordId = link.RecordId } : null,
        createdAt = item.CreatedAt,
        readAt = item.ReadAt,
    };
}
