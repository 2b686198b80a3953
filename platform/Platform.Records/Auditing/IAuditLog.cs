using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Records.Auditing;

/// <summary>
/// The append-only audit trail of a tenant, for events that are not record writes (record writes reach it through
/// <see cref="Events.IRecordEventHandler"/>): logins, failed logins, lockouts, permission and membership changes, data-subject requests.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(TenantRuntime runtime, AuditEvent entry, CancellationToken ct);

    /// <summary>
    /// Writes the entry inside the caller's open write transaction, so it commits or rolls back with the change it
    /// describes (a share, an assignment, a link). A log that stores entries must override this: the fallback writes
    /// apart from the transaction and suits only logs that keep nothing in the tenant database.
    /// </summary>
    Task WriteAsync(TenantRuntime runtime, RecordSession session, AuditEvent entry, CancellationToken ct) => WriteAsync(runtime, entry, ct);
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

    public Task WriteAsync(TenantRuntime runtime, RecordSession session, AuditEvent entry, CancellationToken ct) => Task.CompletedTask;
}
