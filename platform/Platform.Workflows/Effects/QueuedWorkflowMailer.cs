using Platform.Messaging.Email;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Workflows.Effects;

/// <summary>Queues a workflow's email in the tenant's email outbox, in the step's transaction; delivery happens after commit.</summary>
public sealed class QueuedWorkflowMailer(IEmailQueue queue) : IWorkflowMailer
{
    public async Task SendAsync(TenantRuntime runtime, WorkflowEmail email, RecordSession? transaction, CancellationToken ct)
    {
        // A subject is one line: a rendered template's line breaks become spaces.
        var subject = string.Join(' ', (email.Subject ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        await queue.EnqueueAsync(runtime, new EmailMessage(email.To, subject, TextBody: email.Body ?? "", IdempotencyKey: email.IdempotencyKey), transaction, ct);
    }
}
