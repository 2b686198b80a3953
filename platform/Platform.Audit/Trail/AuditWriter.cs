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
        entries.Count == 0 ? Task.CompletedTask : AppendRowsAsync(store, session, entries.Select(AuditRows.ToRow).ToList(), ct);

    /// <summary>Appends rows made by <see cref="AuditRows"/> (a record write's, whose changes are already JSON text).</summary>
    internal static Task AppendRowsAsync(RecordStore store, RecordSession session, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct) =>
        rows.Count == 0 ? Task.CompletedTask : store.InsertAsync(session, AuditTables.Audit, rows, ct);
}
