using Platform.Messaging.Notifications;
using Platform.Runtime;
using Platform.Storage.Records;
using Platform.Workflows.Activities;

namespace Platform.Workflows.Effects;

/// <summary>Stores a workflow's notification for each user, in the step's transaction, linked to the instance's record.</summary>
public sealed class StoredWorkflowNotifier(INotificationSender sender) : IWorkflowNotifier
{
    public async Task NotifyAsync(TenantRuntime runtime, WorkflowNotification notification, RecordSession? transaction, CancellationToken ct)
    {
        var link = notification.Entity is { } entity && notification.RecordId is { } id ? new NotificationLink(entity, id) : null;
        foreach (var user in notification.Users.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!Guid.TryParse(user, out var recipient)) throw new WorkflowActivityException($"'{user}' is not a user id.");
            // One key per recipient: the execution's key alone would let only the first user be notified.
            await sender.NotifyAsync(runtime, new Notification(recipient, notification.Message, null, link, $"{notification.IdempotencyKey}:{recipient:N}"), transaction, ct);
        }
    }
}
