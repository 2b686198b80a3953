using System.Data.Common;
using System.Text;
using System.Text.Json;
using Platform.Runtime;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Records.Outbox;

/// <summary>
/// The dispatcher's statements on a tenant's outbox: claim a batch under a lease, read which consumers already had its
/// events, record deliveries and failures, purge old delivered events. Claims are one UPDATE over a
/// <c>FOR UPDATE SKIP LOCKED</c> subquery on PostgreSQL, so hosts sharing a database never claim the same event; SQLite
/// serialises writers anyway.
/// </summary>
public static class OutboxStore
{
    private static readonly TableModel Events = OutboxTables.Instance.Tables.Single(t => t.Name == OutboxTables.Outbox);
    private static readonly TableModel Deliveries = OutboxTables.Instance.Tables.Single(t => t.Name == OutboxTables.OutboxDeliveries);

    /// <summary>
    /// The <c>next_attempt_at</c> of an event that failed <see cref="OutboxOptions.MaxAttempts"/> times: never due, so no
    /// dispatcher claims it again until an administrator re-queues it. A condition on existing columns rather than a new
    /// status column, so tenants created before it need no table change.
    /// </summary>
    public static readonly DateTime FailedMark = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>True when the tenant has an event not yet delivered to every consumer and not failed (a cheap read before any claim).</summary>
    public static async Task<bool> HasPendingAsync(TenantRuntime runtime, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT 1 FROM {d.Table(OutboxTables.Outbox, db.Schema)} WHERE {d.Quote("dispatched_at")} IS NULL AND {d.Quote("next_attempt_at")} < @failed LIMIT 1");
        command.AddParameter("@failed", Db("next_attempt_at", FailedMark, db));
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> undelivered events that are due at <paramref name="due"/> and not leased to
    /// another dispatcher, leasing them until <paramref name="until"/>; oldest first.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxEvent>> ClaimAsync(TenantRuntime runtime, int limit, DateTime due, DateTime until, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        var table = d.Table(OutboxTables.Outbox, db.Schema);
        var now = DateTime.UtcNow;
        var skipLocked = d.SkipLockedClause;
        var sql = $"UPDATE {table} SET {d.Quote("claimed_until")} = @until WHERE {d.Quote("id")} IN (" +
                  $"SELECT {d.Quote("id")} FROM {table} WHERE {d.Quote("dispatched_at")} IS NULL AND {d.Quote("next_attempt_at")} <= @due " +
                  $"AND ({d.Quote("claimed_until")} IS NULL OR {d.Quote("claimed_until")} < @now) ORDER BY {d.Quote("id")} LIMIT @limit{skipLocked}) " +
                  "RETURNING " + string.Join(", ", new[] { "id", "occurred_at", "entity", "record_id", "kind", "changed_fields", "actor_id", "attempts" }.Select(d.Quote));
        var claimed = new List<OutboxEvent>();
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await using (var command = session.Command(sql))
        {
            command.AddParameter("@until", Db("claimed_until", until, db));
            command.AddParameter("@due", Db("next_attempt_at", due, db));
            command.AddParameter("@now", Db("claimed_until", now, db));
            command.AddParameter("@limit", (long)limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) claimed.Add(Read(reader, db.Provider));
        }
        await session.CommitAsync(ct);
        return claimed.OrderBy(e => e.Id).ToList();
    }

    /// <summary>The (event, consumer) pairs among these events that were delivered already (on an earlier, partly failed try).</summary>
    public static async Task<HashSet<(Guid Event, string Consumer)>> DeliveredAsync(TenantRuntime runtime, IReadOnlyList<OutboxEvent> events, CancellationToken ct)
    {
        var delivered = new HashSet<(Guid, string)>();
        var retried = events.Where(e => e.Attempts > 0).Select(e => e.Id).ToList();
        if (retried.Count == 0) return delivered;
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        foreach (var chunk in retried.Chunk(500))
        {
            await using var command = session.Command("");
            command.CommandText = $"SELECT {d.Quote("event_id")}, {d.Quote("consumer")} FROM {d.Table(OutboxTables.OutboxDeliveries, db.Schema)} " +
                                  $"WHERE {d.Quote("event_id")} IN ({InList(command, "e", chunk, "event_id", db)})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                delivered.Add(((Guid)ColumnValueCodec.Read(reader, 0, Deliveries.Column("event_id"), db.Provider)!, reader.GetString(1)));
        }
        return delivered;
    }

    /// <summary>
    /// Records one batch's outcome in one transaction: each successful (event, consumer) delivery, the events every
    /// consumer now has (dispatched, lease released), the failed ones (attempt counted, error kept, due again later) and
    /// those not handed out (lease released). A failure that makes <paramref name="maxAttempts"/> attempts marks the
    /// event failed (<see cref="FailedMark"/>): terminal until an administrator re-queues it.
    /// </summary>
    public static async Task RecordAsync(
        TenantRuntime runtime, IReadOnlyList<(Guid Event, string Consumer)> delivered, IReadOnlyList<Guid> dispatched,
        IReadOnlyList<(Guid Event, string Error, DateTime NextAttempt)> failed, IReadOnlyList<Guid> released, int maxAttempts, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        var events = d.Table(OutboxTables.Outbox, db.Schema);
        var now = DateTime.UtcNow;
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        // Another host whose lease ran out may have recorded one too: the first record stands. Many rows a statement.
        foreach (var chunk in delivered.Chunk(300))
        {
            await using var command = session.Command("");
            var rows = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) rows.Append(", ");
                rows.Append($"(@e{i}, @c{i}, @t)");
                command.AddParameter($"@e{i}", Db("id", chunk[i].Event, db));
                command.AddParameter($"@c{i}", chunk[i].Consumer);
            }
            command.AddParameter("@t", Db("occurred_at", now, db));
            command.CommandText = $"INSERT INTO {d.Table(OutboxTables.OutboxDeliveries, db.Schema)} ({d.Quote("event_id")}, {d.Quote("consumer")}, {d.Quote("delivered_at")}) " +
                                  $"VALUES {rows} ON CONFLICT DO NOTHING";
            await command.ExecuteNonQueryAsync(ct);
        }
        foreach (var chunk in dispatched.Chunk(500))
        {
            await using var command = session.Command("");
            command.CommandText = $"UPDATE {events} SET {d.Quote("dispatched_at")} = @t, {d.Quote("claimed_until")} = NULL, {d.Quote("last_error")} = NULL " +
                                  $"WHERE {d.Quote("id")} IN ({InList(command, "e", chunk, "id", db)})";
            command.AddParameter("@t", Db("dispatched_at", now, db));
            await command.ExecuteNonQueryAsync(ct);
        }
        foreach (var chunk in released.Chunk(500))
        {
            await using var command = session.Command("");
            command.CommandText = $"UPDATE {events} SET {d.Quote("claimed_until")} = NULL WHERE {d.Quote("id")} IN ({InList(command, "e", chunk, "id", db)})";
            await command.ExecuteNonQueryAsync(ct);
        }
        foreach (var (eventId, error, next) in failed)
        {
            await using var command = session.Command(
                $"UPDATE {events} SET {d.Quote("attempts")} = {d.Quote("attempts")} + 1, " +
                $"{d.Quote("next_attempt_at")} = CASE WHEN {d.Quote("attempts")} + 1 >= @max THEN @failed ELSE @n END, " +
                $"{d.Quote("last_error")} = @m, {d.Quote("claimed_until")} = NULL WHERE {d.Quote("id")} = @e");
            command.AddParameter("@max", (long)Math.Max(1, maxAttempts));
            command.AddParameter("@failed", Db("next_attempt_at", FailedMark, db));
            command.AddParameter("@n", Db("next_attempt_at", next, db));
            command.AddParameter("@m", error.Length > 2000 ? error[..2000] : error);
            command.AddParameter("@e", Db("id", eventId, db));
            await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
    }

    /// <summary>Marks every undelivered event written up to <paramref name="due"/> dispatched (no consumer is registered).</summary>
    public static async Task<int> MarkDispatchedAsync(TenantRuntime runtime, DateTime due, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        int marked;
        await using (var command = session.Command(
                         $"UPDATE {d.Table(OutboxTables.Outbox, db.Schema)} SET {d.Quote("dispatched_at")} = @t " +
                         $"WHERE {d.Quote("dispatched_at")} IS NULL AND {d.Quote("next_attempt_at")} <= @due"))
        {
            command.AddParameter("@t", Db("dispatched_at", DateTime.UtcNow, db));
            command.AddParameter("@due", Db("next_attempt_at", due, db));
            marked = await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
        return marked;
    }

    /// <summary>Deletes events every consumer had before <paramref name="before"/>, with their delivery records.</summary>
    public static async Task<int> PurgeAsync(TenantRuntime runtime, DateTime before, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        var events = d.Table(OutboxTables.Outbox, db.Schema);
        var old = $"{d.Quote("dispatched_at")} < @t";
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await using (var command = session.Command(
                         $"DELETE FROM {d.Table(OutboxTables.OutboxDeliveries, db.Schema)} WHERE {d.Quote("event_id")} IN (SELECT {d.Quote("id")} FROM {events} WHERE {old})"))
        {
            command.AddParameter("@t", Db("dispatched_at", before, db));
            await command.ExecuteNonQueryAsync(ct);
        }
        int purged;
        await using (var command = session.Command($"DELETE FROM {events} WHERE {old}"))
        {
            command.AddParameter("@t", Db("dispatched_at", before, db));
            purged = await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
        return purged;
    }

    internal static OutboxEvent Read(DbDataReader reader, DatabaseProvider provider)
    {
        object? Value(int ordinal, string column) => ColumnValueCodec.Read(reader, ordinal, Events.Column(column), provider);
        return new OutboxEvent(
            (Guid)Value(0, "id")!, (DateTime)Value(1, "occurred_at")!, (string)Value(2, "entity")!, (Guid)Value(3, "record_id")!,
            OutboxKinds.Parse((string)Value(4, "kind")!), JsonSerializer.Deserialize<string[]>((string)Value(5, "changed_fields")!) ?? [],
            (Guid?)Value(6, "actor_id"), (int)(long)Value(7, "attempts")!);
    }

    internal static ColumnModel EventColumn(string column) => Events.Column(column);

    internal static object? Db(string column, object value, TenantDatabase db) => ColumnValueCodec.ToDb(Events.Column(column), value, db.Provider);

    internal static string InList(DbCommand command, string prefix, IReadOnlyList<Guid> ids, string column, TenantDatabase db)
    {
        var names = new StringBuilder();
        for (var i = 0; i < ids.Count; i++)
        {
            if (i > 0) names.Append(", ");
            names.Append('@').Append(prefix).Append(i);
            command.AddParameter($"@{prefix}{i}", ColumnValueCodec.ToDb(Events.Column(column == "event_id" ? "id" : column), ids[i], db.Provider));
        }
        return names.ToString();
    }
}
