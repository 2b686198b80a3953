using System.Data.Common;
using Platform.Runtime;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Records.Outbox;

/// <summary>
/// What an administrator does with a tenant's undelivered events: list the pending or failed ones with their
/// deliveries so far, and re-queue one (due at once; the consumers that had it keep their delivery records, so the
/// dispatcher skips them).
/// </summary>
public static class OutboxAdminStore
{
    private static readonly string[] Columns = ["id", "occurred_at", "entity", "record_id", "kind", "changed_fields", "actor_id", "attempts", "next_attempt_at", "last_error"];

    /// <summary>Undelivered events in the given status (<see cref="OutboxEntry.Pending"/> or <see cref="OutboxEntry.Failed"/>), oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxEntry>> ListAsync(TenantRuntime runtime, string status, int top, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        var failed = status == OutboxEntry.Failed;
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        var rows = new List<(OutboxEvent Event, DateTime Next, string? Error)>();
        await using (var command = session.Command(
                         $"SELECT {string.Join(", ", Columns.Select(d.Quote))} FROM {d.Table(OutboxTables.Outbox, db.Schema)} " +
                         $"WHERE {d.Quote("dispatched_at")} IS NULL AND {d.Quote("next_attempt_at")} {(failed ? ">=" : "<")} @failed " +
                         $"ORDER BY {d.Quote("id")} LIMIT {Math.Clamp(top, 1, 1000)}"))
        {
            command.AddParameter("@failed", OutboxStore.Db("next_attempt_at", OutboxStore.FailedMark, db));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(ReadRow(reader, db.Provider));
        }
        var delivered = await DeliveredToAsync(session, runtime, rows.Select(r => r.Event.Id).ToList(), ct);
        return rows.Select(r => new OutboxEntry(r.Event, failed ? OutboxEntry.Failed : OutboxEntry.Pending, r.Next, r.Error,
            delivered.TryGetValue(r.Event.Id, out var names) ? names : [])).ToList();
    }

    public static async Task<OutboxEntry?> FindAsync(TenantRuntime runtime, Guid id, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        (OutboxEvent Event, DateTime Next, string? Error, bool Dispatched)? row = null;
        await using (var command = session.Command(
                         $"SELECT {string.Join(", ", Columns.Select(d.Quote))}, {d.Quote("dispatched_at")} FROM {d.Table(OutboxTables.Outbox, db.Schema)} WHERE {d.Quote("id")} = @e"))
        {
            command.AddParameter("@e", OutboxStore.Db("id", id, db));
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                var (e, next, error) = ReadRow(reader, db.Provider);
                row = (e, next, error, !reader.IsDBNull(Columns.Length));
            }
        }
        if (row is not { } found) return null;
        var delivered = await DeliveredToAsync(session, runtime, [id], ct);
        var status = found.Dispatched ? "dispatched" : found.Next >= OutboxStore.FailedMark ? OutboxEntry.Failed : OutboxEntry.Pending;
        return new OutboxEntry(found.Event, status, found.Next, found.Error, delivered.TryGetValue(id, out var names) ? names : []);
    }

    /// <summary>
    /// Makes an undelivered event due now and releases any lease; false when it was delivered already (or is gone).
    /// Its attempts are kept, so a failed event re-queued gets one more attempt before it is failed again.
    /// </summary>
    public static async Task<bool> RequeueAsync(TenantRuntime runtime, Guid id, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        int changed;
        await using (var command = session.Command(
                         $"UPDATE {d.Table(OutboxTables.Outbox, db.Schema)} SET {d.Quote("next_attempt_at")} = @now, {d.Quote("claimed_until")} = NULL " +
                         $"WHERE {d.Quote("id")} = @e AND {d.Quote("dispatched_at")} IS NULL"))
        {
            command.AddParameter("@now", OutboxStore.Db("next_attempt_at", DateTime.UtcNow, db));
            command.AddParameter("@e", OutboxStore.Db("id", id, db));
            changed = await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
        return changed == 1;
    }

    private static (OutboxEvent Event, DateTime Next, string? Error) ReadRow(DbDataReader reader, DatabaseProvider provider)
    {
        var next = (DateTime)ColumnValueCodec.Read(reader, 8, OutboxStore.EventColumn("next_attempt_at"), provider)!;
        var error = (string?)ColumnValueCodec.Read(reader, 9, OutboxStore.EventColumn("last_error"), provider);
        return (OutboxStore.Read(reader, provider), next, error);
    }

    private static async Task<Dictionary<Guid, List<string>>> DeliveredToAsync(RecordSession session, TenantRuntime runtime, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        var delivered = new Dictionary<Guid, List<string>>();
        foreach (var chunk in ids.Chunk(500))
        {
            await using var command = session.Command("");
            command.CommandText = $"SELECT {d.Quote("event_id")}, {d.Quote("consumer")} FROM {d.Table(OutboxTables.OutboxDeliveries, db.Schema)} " +
                                  $"WHERE {d.Quote("event_id")} IN ({OutboxStore.InList(command, "e", chunk, "event_id", db)}) ORDER BY {d.Quote("consumer")}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = (Guid)ColumnValueCodec.Read(reader, 0, OutboxStore.EventColumn("id"), db.Provider)!;
                if (!delivered.TryGetValue(id, out var names)) delivered[id] = names = [];
                names.Add(reader.GetString(1));
            }
        }
        return delivered;
    }
}
