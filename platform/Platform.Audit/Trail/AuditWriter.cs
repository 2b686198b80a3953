using Platform.Storage.Physical;
using Platform.Storage.Records;

namespace Platform.Audit.Trail;

/// <summary>
/// Appends audit entries inside the caller's transaction, so they commit or roll back with the write they describe.
/// The record store inserts many rows in few statements (multi-row INSERTs; one prepared statement on SQLite).
/// </summary>
public static class AuditWriter
{
    public static Task AppendAsync(RecordStore store, RecordSession session, IReadOnlyList<AuditEntry> entries, CancellationToken ct) =>
        entries.Count == 0 ? Task.CompletedTask : store.InsertAsync(session, AuditTables.Audit, entries.Select(AuditRows.ToRow).ToList(), ct);
}
