using Platform.Runtime;

namespace Platform.Records.Auditing;

/// <summary>
/// The append-only audit trail of a tenant, for events that are not record writes (record writes reach it through
/// <see cref="Events.IRecordEventHandler"/>): logins, failed logins, lockouts, permission and membership changes, data-subject requests.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(TenantRuntime runtime, AuditEvent entry, CancellationToken ct);
}

/// <param name="Action">What happened, e.g. "login", "login-failed", "role-granted", "share", "assign", "erase".</param>
/// <param name="Details">Anything else worth keeping (never a password or a secret).</param>
public sealed record AuditEvent(
    string Action, RecordActor Actor, string? Entity = null, Guid? RecordId = null,
    IReadOnlyDictionary<string, object?>? Details = null);

/// <summary>Used until an audit store is registered.</summary>
public sealed class NullAuditLog : IAuditLog
{
    public Task WriteAsync(TenantRuntime runtime, AuditEvent entry, CancellationToken ct) => Task.CompletedTask;
}
