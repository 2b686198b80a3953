using System.Text.Json.Nodes;
using Platform.Records.Auditing;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Audit.Trail;

/// <summary>The tenant's audit table as the <see cref="IAuditLog"/> for events that are not record writes (logins, shares...).</summary>
public sealed class DatabaseAuditLog : IAuditLog
{
    public async Task WriteAsync(TenantRuntime runtime, AuditEvent entry, CancellationToken ct)
    {
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await AuditWriter.AppendAsync(runtime.Store, session, [ToEntry(entry)], ct);
        await session.CommitAsync(ct);
    }

    public Task WriteAsync(TenantRuntime runtime, RecordSession session, AuditEvent entry, CancellationToken ct) =>
        AuditWriter.AppendAsync(runtime.Store, session, [ToEntry(entry)], ct);

    public static AuditEntry ToEntry(AuditEvent entry)
    {
        var now = DateTime.UtcNow;
        JsonObject? details = null;
        if (entry.Details is { Count: > 0 })
        {
            details = new JsonObject();
            foreach (var (key, value) in entry.Details) details[key] = AuditValues.ToJson(value);
        }
        return new AuditEntry(Guid.CreateVersion7(now), now, entry.Action, entry.Actor.UserId, AuditRecordHandler.NameOf(entry.Actor),
            entry.Actor.ClientAddress, entry.Entity, entry.RecordId, null, details);
    }
}
