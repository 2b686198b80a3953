using System.Data.Common;
using Platform.Runtime;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using static Platform.Messaging.MessagingSql;

namespace Platform.Messaging.Notifications;

/// <summary>Statements on a tenant's notifications. Every read and update is scoped to one recipient.</summary>
public static class NotificationStore
{
    private static readonly string[] Columns = ["id", "recipient_id", "title", "body", "link_entity", "link_record_id", "created_at", "read_at"];

    /// <summary>Inserts the notification unless its idempotency key was used before; answers the id holding the key.</summary>
    public static async Task<Guid> InsertAsync(RecordSession session, TenantDatabase db, Guid id, Notification notification, DateTime now, CancellationToken ct)
    {
        var d = db.Dialect;
        var t = MessagingTables.Notification;
        var insert = new[] { "id", "recipient_id", "title", "body", "link_entity", "link_record_id", "created_at", "idempotency_key" };
        object?[] values = [id, notification.RecipientId, notification.Title, notification.Body, notification.Link?.Entity, notification.Link?.RecordId, now, notification.IdempotencyKey];
        int inserted;
        await using (var command = session.Command(
                         $"INSERT INTO {d.Table(t.Name, db.Schema)} ({string.Join(", ", insert.Select(d.Quote))}) " +
                         $"VALUES ({string.Join(", ", insert.Select(c => "@" + c))}) ON CONFLICT DO NOTHING"))
        {
            for (var i = 0; i < insert.Length; i++) Add(command, "@" + insert[i], t, insert[i], values[i], db.Provider);
            inserted = await command.ExecuteNonQueryAsync(ct);
        }
        if (inserted == 1 || notification.IdempotencyKey is null) return id;
        await using var existing = session.Command($"SELECT {d.Quote("id")} FROM {d.Table(t.Name, db.Schema)} WHERE {d.Quote("idempotency_key")} = @k");
        existing.AddParameter("@k", notification.IdempotencyKey);
        await using var reader = await existing.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"The notification with key '{notification.IdempotencyKey}' was neither inserted nor found.");
        return (Guid)Read(reader, 0, t, "id", db.Provider)!;
    }

    /// <summary>The recipient's newest notifications (only unread ones when asked), newest first.</summary>
    public static async Task<IReadOnlyList<NotificationItem>> ListAsync(TenantRuntime runtime, Guid recipient, bool unreadOnly, int top, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT {string.Join(", ", Columns.Select(d.Quote))} FROM {d.Table(MessagingTables.Notifications, db.Schema)} WHERE {d.Quote("recipient_id")} = @r" +
            (unreadOnly ? $" AND {d.Quote("read_at")} IS NULL" : "") +
            $" ORDER BY {d.Quote("created_at")} DESC, {d.Quote("id")} DESC{d.Page(top, null)}");
        Add(command, "@r", MessagingTables.Notification, "recipient_id", recipient, db.Provider);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<NotificationItem>();
        while (await reader.ReadAsync(ct)) items.Add(ReadItem(reader, db.Provider));
        return items;
    }

    public static async Task<long> UnreadCountAsync(TenantRuntime runtime, Guid recipient, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT COUNT(*) FROM {d.Table(MessagingTables.Notifications, db.Schema)} WHERE {d.Quote("recipient_id")} = @r AND {d.Quote("read_at")} IS NULL");
        Add(command, "@r", MessagingTables.Notification, "recipient_id", recipient, db.Provider);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Marks one of the recipient's notifications read (an already read one keeps its time); false when the recipient
    /// has no notification with that id (none at all, or someone else's).
    /// </summary>
    public static async Task<bool> MarkReadAsync(TenantRuntime runtime, Guid recipient, Guid id, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        var t = MessagingTables.Notification;
        string Q(string c) => d.Quote(c);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        int matched;
        await using (var command = session.Command(
                         $"UPDATE {d.Table(t.Name, db.Schema)} SET {Q("read_at")} = COALESCE({Q("read_at")}, @now) WHERE {Q("id")} = @id AND {Q("recipient_id")} = @r"))
        {
            Add(command, "@now", t, "read_at", DateTime.UtcNow, db.Provider);
            Add(command, "@id", t, "id", id, db.Provider);
            Add(command, "@r", t, "recipient_id", recipient, db.Provider);
            matched = await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
        return matched == 1;
    }

    /// <summary>Marks every unread notification of the recipient read; answers how many.</summary>
    public static async Task<int> MarkAllReadAsync(TenantRuntime runtime, Guid recipient, CancellationToken ct)
    {
        var (d, db) = (runtime.Store.Database.Dialect, runtime.Store.Database);
        var t = MessagingTables.Notification;
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        int marked;
        await using (var command = session.Command(
                         $"UPDATE {d.Table(t.Name, db.Schema)} SET {d.Quote("read_at")} = @now WHERE {d.Quote("recipient_id")} = @r AND {d.Quote("read_at")} IS NULL"))
        {
            Add(command, "@now", t, "read_at", DateTime.UtcNow, db.Provider);
            Add(command, "@r", t, "recipient_id", recipient, db.Provider);
            marked = await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
        return marked;
    }

    private static NotificationItem ReadItem(DbDataReader reader, DatabaseProvider provider)
    {
        object? V(int i) => Read(reader, i, MessagingTables.Notification, Columns[i], provider);
        var link = V(4) is string entity && V(5) is Guid record ? new NotificationLink(entity, record) : null;
        return new NotificationItem((Guid)V(0)!, (Guid)V(1)!, (string)V(2)!, (string?)V(3), link, (DateTime)V(6)!, (DateTime?)V(7));
    }
}
