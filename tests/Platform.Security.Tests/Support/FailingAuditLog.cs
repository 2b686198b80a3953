using Platform.Records.Auditing;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Security.Tests.Support;

/// <summary>An audit trail that cannot be written: a change audited in its own transaction must then keep nothing.</summary>
public sealed class FailingAuditLog : IAuditLog
{
    public Task WriteAsync(TenantRuntime runtime, AuditEvent entry, CancellationToken ct) => throw new AuditUnavailableException();

    public Task WriteAsync(TenantRuntime runtime, RecordSession session, AuditEvent entry, CancellationToken ct) => throw new AuditUnavailableException();
}

public sealed class AuditUnavailableException() : Exception("The audit trail is unavailable.");
