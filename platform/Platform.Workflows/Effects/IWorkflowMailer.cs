using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Workflows.Effects;

/// <summary>Sends a workflow's email; <see cref="QueuedWorkflowMailer"/> queues it in the tenant's email outbox.</summary>
public interface IWorkflowMailer
{
    /// <summary>Sends <paramref name="email"/> as part of <paramref name="transaction"/> (the step's), so it goes only if the step commits.</summary>
    Task SendAsync(TenantRuntime runtime, WorkflowEmail email, RecordSession? transaction, CancellationToken ct);
}

/// <param name="IdempotencyKey">Identifies the activity's execution: sending again with it sends nothing more.</param>
public sealed record WorkflowEmail(IReadOnlyList<string> To, string? Subject, string? Body, string IdempotencyKey);
