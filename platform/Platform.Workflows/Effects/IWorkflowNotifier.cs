using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Workflows.Effects;

/// <summary>In-app notifications from workflows; <see cref="StoredWorkflowNotifier"/> stores them for their recipients.</summary>
public interface IWorkflowNotifier
{
    /// <summary>Notifies every user of <paramref name="notification"/> as part of <paramref name="transaction"/> (the step's).</summary>
    Task NotifyAsync(TenantRuntime runtime, WorkflowNotification notification, RecordSession? transaction, CancellationToken ct);
}

/// <param name="Users">User ids.</param>
/// <param name="Entity">With <paramref name="RecordId"/>, the instance's record the notification links to.</param>
/// <param name="IdempotencyKey">Identifies the activity's execution: notifying again with it stores nothing more.</param>
public sealed record WorkflowNotification(IReadOnlyList<string> Users, string Message, string? Entity, Guid? RecordId, string IdempotencyKey);
