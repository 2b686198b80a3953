using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Messaging.Email;

/// <summary>Writes queued email rows (see <see cref="IEmailQueue"/>) and wakes the delivery service.</summary>
public sealed class EmailQueue(EmailSignal signal) : IEmailQueue
{
    public async Task<Guid> EnqueueAsync(TenantRuntime tenant, EmailMessage message, RecordSession? transaction, CancellationToken ct)
    {
        EmailValidation.Check(message);
        var now = DateTime.UtcNow;
        var id = await MessagingSql.InSessionAsync(tenant.Store, transaction,
            session => EmailStore.InsertAsync(session, tenant.Store.Database, Guid.CreateVersion7(now), message, now, ct), ct);
        // In a caller's transaction the row is not visible yet: the wake finds nothing and the next poll sends it.
        signal.Wake(tenant.Id);
        return id;
    }
}
