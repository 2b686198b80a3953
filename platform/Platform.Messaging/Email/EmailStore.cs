using System.Data.Common;
using System.Text.Json;
using Platform.Runtime;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using static Platform.Messaging.MessagingSql;

namespace Platform.Messaging.Email;

/// <summary>
/// Statements on a tenant's email outbox. Claims are one UPDATE over a <c>FOR UPDATE SKIP LOCKED</c> subquery on
/// PostgreSQL, so hosts sharing a database never take the same message; SQLite serialises writers anyway.
/// </summary>
public static class EmailStore
{
    private static readonly string[] Columns =
        ["id", "idempotency_key", "created_at", "to_addresses", "cc_addresses", "subject", "html_body", "text_body", "status", "attempts", "next_attempt_at", "last_error", "sent_at"];

    /// <summary>
    /// Inserts the message unless one with its key exists (kept as it is, whatever its state); answers the id of the
    /// message that holds the key. <c>ON CONFLICT DO NOTHING</c> does not abort the caller's PostgreSQL transaction.
    /// </summary>
    public static async Task<Guid> InsertAsync(RecordSession session, TenantDatabase db, Guid id, EmailMessage message, DateTime now, CancellationToken ct)
    {
        var d = db.Dialect;
        var t = MessagingTables.Email;
        var key = message.IdempotencyKey ?? id.ToString("N");
        var insert = new[] { "id", "idempotency_key", "created_at", "to_addresses", "cc_addresses", "subject", "html_body", "text_body", "status", "attempts", "next_attempt_at" };
        int inserted;
        await using (var command = session.Command(
                         $"INSERT INTO {d.Table(t.Name, db.Schema)} ({string.Join(", ", insert.Select(d.Quote))}) " +
                         $"VALUES ({string.Join(", ", insert.Select(c => "@" + c))}) ON CONFLICT ({d.Quote("idempotency_key")}) DO NOTHING"))
        {
            object?[] values =
            [
                id, key, now, JsonSerializer.Serialize(message.To), JsonSerializer.Serialize(message.Cc ?? []), message.Subject,
                message.HtmlBody, message.TextBody, EmailStatus.Queued, 0L, now,
            ];
            for (var i = 0; i < insert.Length; i++) Add(command, "@" + insert[i], t, insert[i], values[i], db.Provider);
            inserted = await command.ExecuteNonQueryAsync(ct);
        }
        if (inserted == 1) return id;
        await using var existing = session.Command($"SELECT {d.Quote("id")} FROM {d.Table(t.Name, db.Schema)} WHERE {d.Quote("idempotency_key")} = @k");
        existing.AddParameter("@k", key);
        await using var reader = await existing.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"The email with key '{key}' was neither inserted nor found.");
        return (Guid)Read(reader, 0, t, "id", db.Provider)!;
    }

    /// <summary>True when the tenant has mail queued or being sent: a cheap read before any claim, which writes.</summary>
    public static async Task<bool> HasPendingAsync(TenantRuntime runtime, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT 1 FROM {d.Table(MessagingTables.EmailOutbox, db.Schema)} WHERE {d.Quote("status")} IN (@queued, @sending) LIMIT 1");
        command.AddParameter("@queued", EmailStatus.Queued);
        command.AddParameter("@sending", EmailStatus.Sending);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>Deletes messages sent before <paramref name="before"/>; failed ones stay for an administrator to see.</summary>
    public static async Task<int> PurgeSentAsync(TenantRuntime runtime, DateTime before, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        int purged;
        await using (var command = session.Command(
                         $"DELETE FROM {d.Table(MessagingTables.EmailOutbox, db.Schema)} WHERE {d.Quote("status")} = @sent AND {d.Quote("sent_at")} < @before"))
        {
            command.AddParameter("@sent", EmailStatus.Sent);
            Add(command, "@before", MessagingTables.Email, "sent_at", before, db.Provider);
            purged = await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
        return purged;
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> messages until <paramref name="until"/>: queued ones that are due, and
    /// messages whose sender's lease ran out (its host stopped mid-send). Oldest first.
    /// </summary>
    public static async Task<IReadOnlyList<QueuedEmail>> ClaimAsync(TenantRuntime runtime, int limit, DateTime until, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        var t = MessagingTables.Email;
        var table = d.Table(t.Name, db.Schema);
        var skipLocked = db.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        string Q(string c) => d.Quote(c);
        var sql = $"UPDATE {table} SET {Q("status")} = @sending, {Q("claimed_until")} = @until WHERE {Q("id")} IN (" +
                  $"SELECT {Q("id")} FROM {table} WHERE ({Q("status")} = @queued AND {Q("next_attempt_at")} <= @now) " +
                  $"OR ({Q("status")} = @sending AND {Q("claimed_until")} < @now) ORDER BY {Q("next_attempt_at")}, {Q("id")} LIMIT @limit{skipLocked}) " +
                  "RETURNING " + string.Join(", ", Columns.Select(Q));
        var claimed = new List<QueuedEmail>();
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await using (var command = session.Command(sql))
        {
            command.AddParameter("@sending", EmailStatus.Sending);
            command.AddParameter("@queued", EmailStatus.Queued);
            Add(command, "@until", t, "claimed_until", until, db.Provider);
            Add(command, "@now", t, "next_attempt_at", DateTime.UtcNow, db.Provider);
            command.AddParameter("@limit", (long)limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) claimed.Add(ReadEmail(reader, db.Provider));
        }
        await session.CommitAsync(ct);
        return claimed.OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id).ToList();
    }

    public static Task MarkSentAsync(TenantRuntime runtime, Guid id, CancellationToken ct) =>
        UpdateAsync(runtime, id, EmailStatus.Sent, attempts: 1, next: null, error: null, sentAt: DateTime.UtcNow, ct);

    /// <summary>Counts the failed attempt: queued again after <paramref name="next"/>, or failed for good when null.</summary>
    public static Task MarkFailedAsync(TenantRuntime runtime, Guid id, string error, DateTime? next, CancellationToken ct) =>
        UpdateAsync(runtime, id, next is null ? EmailStatus.Failed : EmailStatus.Queued, attempts: 1, next, error.Length > 2000 ? error[..2000] : error, sentAt: null, ct);

    /// <summary>Gives a leased message back untried (the host is stopping).</summary>
    public static Task ReleaseAsync(TenantRuntime runtime, Guid id, CancellationToken ct) =>
        UpdateAsync(runtime, id, EmailStatus.Queued, attempts: 0, next: null, error: null, sentAt: null, ct, keepError: true);

    public static async Task<QueuedEmail?> GetAsync(TenantRuntime runtime, Guid id, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT {string.Join(", ", Columns.Select(d.Quote))} FROM {d.Table(MessagingTables.EmailOutbox, db.Schema)} WHERE {d.Quote("id")} = @id");
        Add(command, "@id", MessagingTables.Email, "id", id, db.Provider);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadEmail(reader, db.Provider) : null;
    }

    /// <summary>Every message of the tenant, oldest first (for administration and tests).</summary>
    public static async Task<IReadOnlyList<QueuedEmail>> ListAsync(TenantRuntime runtime, int top, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT {string.Join(", ", Columns.Select(d.Quote))} FROM {d.Table(MessagingTables.EmailOutbox, db.Schema)} " +
            $"ORDER BY {d.Quote("created_at")}, {d.Quote("id")}{d.Page(top, null)}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var emails = new List<QueuedEmail>();
        while (await reader.ReadAsync(ct)) emails.Add(ReadEmail(reader, db.Provider));
        return emails;
    }

    private static async Task UpdateAsync(
        TenantRuntime runtime, Guid id, string status, int attempts, DateTime? next, string? error, DateTime? sentAt, CancellationToken ct, bool keepError = false)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        var t = MessagingTables.Email;
        string Q(string c) => d.Quote(c);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await using (var command = session.Command(
                         $"UPDATE {d.Table(t.Name, db.Schema)} SET {Q("status")} = @status, {Q("attempts")} = {Q("attempts")} + @attempts, " +
                         $"{Q("claimed_until")} = NULL, {Q("sent_at")} = @sent" +
                         (next is null ? "" : $", {Q("next_attempt_at")} = @next") +
                         (keepError ? "" : $", {Q("last_error")} = @error") +
                         $" WHERE {Q("id")} = @id"))
        {
            command.AddParameter("@status", status);
            command.AddParameter("@attempts", (long)attempts);
            Add(command, "@sent", t, "sent_at", sentAt, db.Provider);
            if (next is not null) Add(command, "@next", t, "next_attempt_at", next, db.Provider);
            if (!keepError) command.AddParameter("@error", error);
            Add(command, "@id", t, "id", id, db.Provider);
            await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
    }

    private static QueuedEmail ReadEmail(DbDataReader reader, DatabaseProvider provider)
    {
        var t = MessagingTables.Email;
        object? V(int i) => Read(reader, i, t, Columns[i], provider);
        return new QueuedEmail(
            (Guid)V(0)!, (string)V(1)!, (DateTime)V(2)!, JsonSerializer.Deserialize<string[]>((string)V(3)!) ?? [],
            JsonSerializer.Deserialize<string[]>((string)V(4)!) ?? [], (string)V(5)!, (string?)V(6), (string?)V(7), (string)V(8)!,
            (int)(long)V(9)!, (DateTime)V(10)!, (string?)V(11), (DateTime?)V(12));
    }
}
