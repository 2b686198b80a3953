using System.Text.Json;
using Platform.Records.Events;
using Platform.Storage.Physical;
using Platform.Storage.Records;

namespace Platform.Records.Outbox;

/// <summary>
/// Appends outbox rows in the caller's transaction, through the record store's batched insert (one prepared statement
/// on SQLite, multi-row INSERTs or COPY on PostgreSQL), as audit rows are.
/// </summary>
public static class OutboxWriter
{
    public static Task AppendAsync(RecordSession session, IReadOnlyList<RecordChange> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return Task.CompletedTask;
        var now = DateTime.UtcNow;
        var rows = new List<IReadOnlyDictionary<string, object?>>(changes.Count);
        foreach (var change in changes)
        {
            rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = OutboxEventIds.Next(now),
                ["occurred_at"] = now,
                ["entity"] = change.Entity,
                ["record_id"] = change.Id,
                ["kind"] = OutboxKinds.Name(change.Kind),
                // A create or delete concerns every field: naming them all per row would only slow bulk writes down.
                ["changed_fields"] = change.Kind == RecordChangeKind.Updated ? JsonSerializer.Serialize(change.ChangedFields()) : "[]",
                ["actor_id"] = change.Actor.UserId,
                ["attempts"] = 0L,
                ["next_attempt_at"] = now,
                // claimed_until, last_error and dispatched_at start null: left out of the INSERT.
            });
        }
        return changes[0].Runtime.Store.InsertAsync(session, OutboxTables.Outbox, rows, ct);
    }
}
