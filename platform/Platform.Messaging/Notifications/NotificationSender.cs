using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Messaging.Notifications;

public sealed class NotificationSender : INotificationSender
{
    public async Task<Guid> NotifyAsync(TenantRuntime tenant, Notification notification, RecordSession? transaction, CancellationToken ct)
    {
        Check(notification);
        var now = DateTime.UtcNow;
        return await Messaging.MessagingSql.InSessionAsync(tenant.Store, transaction,
            session => NotificationStore.InsertAsync(session, tenant.Store.Database, Guid.CreateVersion7(now), notification, now, ct), ct);
    }

    private static void Check(Notification notification)
    {
        if (string.IsNullOrWhiteSpace(notification.Title)) throw new ArgumentException("A notification needs a title.", nameof(notification));
        if (notification.Title.Length > 500) throw new ArgumentException("The title is longer than 500 characters.", nameof(notification));
        if (notification.Link is { } link && (string.IsNullOrWhiteSpace(link.Entity) || link.Entity.Length > 100))
            throw new ArgumentException("A link needs an entity name of at most 100 characters.", nameof(notification));
        if (notification.IdempotencyKey is { Length: 0 or > 200 }) throw new ArgumentException("The idempotency key must be 1 to 200 characters.", nameof(notification));
    }
}
