using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Messaging.Email;

/// <summary>Queues email for delivery after commit, with retries; see <see cref="EmailQueue"/>.</summary>
public interface IEmailQueue
{
    /// <summary>
    /// Queues <paramref name="message"/> in the tenant's email outbox and answers its id. With
    /// <paramref name="transaction"/> the row is written in the caller's transaction, so it is sent only if that
    /// commits (a workflow step's email is queued atomically with its state); without, it is committed at once.
    /// A message whose idempotency key was queued before is not queued again: the first one's id is answered.
    /// </summary>
    /// <exception cref="ArgumentException">The message could never be sent (no recipient, a bad address, no body).</exception>
    Task<Guid> EnqueueAsync(TenantRuntime tenant, EmailMessage message, RecordSession? transaction, CancellationToken ct);
}
