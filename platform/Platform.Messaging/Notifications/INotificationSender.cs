using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Messaging.Notifications;

/// <summary>Stores in-app notifications for their recipients (listed and marked read through the notifications API).</summary>
public interface INotificationSender
{
    /// <summary>
    /// Stores <paramref name="notification"/> and answers its id. With <paramref name="transaction"/> it is written in
    /// the caller's transaction (it exists only if that commits); without, it is committed at once.
    /// </summary>
    /// <exception cref="ArgumentException">No title, or a title, link or key over its length.</exception>
    Task<Guid> NotifyAsync(TenantRuntime tenant, Notification notification, RecordSession? transaction, CancellationToken ct);
}
