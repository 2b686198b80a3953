using System.Security.Cryptography;
using System.Text;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Records.Writing;

/// <summary>
/// Rows of platform_idempotency, read and written inside the write's transaction. A row is keyed by a hash of the
/// user and the client's key, so one user's key never finds another user's answer (and the key itself, which a client
/// may have built from personal data, is not stored). Rows hold a status and ids only, live <see cref="Lifetime"/>,
/// and are forgotten when a data-subject erasure touches their record.
/// </summary>
public static class IdempotencyStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly ColumnModel CreatedAt = new("created_at", ValueKind.DateTime, typeof(DateTime), false);

    /// <summary>The stored key of a client's key: per user (anonymous callers share one space).</summary>
    internal static string Slot(RecordActor actor, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{actor.UserId?.ToString() ?? "anonymous"}\n{key}")));

    internal static async Task<(string Hash, IdempotentReplay Replay)?> FindAsync(
        RecordSession session, TenantDatabase database, string slot, CancellationToken ct)
    {
        var d = database.Dialect;
        var sql = $"SELECT {d.Quote("request_hash")}, {d.Quote("status")}, {d.Quote("location")}, {d.Quote("response")} " +
                  $"FROM {d.Table(IdempotencyTables.Idempotency, database.Schema)} WHERE {d.Quote("key")} = @p0 AND {d.Quote("created_at")} >= @p1";
        await using var command = session.Command(sql);
        command.AddParameter("@p0", slot);
        command.AddParameter("@p1", Cutoff(database));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var id = reader.IsDBNull(2) || !Guid.TryParse(reader.GetString(2), out var parsed) ? (Guid?)null : parsed;
        return (reader.GetString(0), new IdempotentReplay((int)reader.GetInt64(1), id, reader.IsDBNull(3) ? null : reader.GetString(3)));
    }

    /// <summary>Stores an answer, first purging expired rows (an expired row of the same key included).</summary>
    internal static async Task SaveAsync(
        RecordSession session, TenantDatabase database, string slot, string hash, IdempotentReplay answer, CancellationToken ct)
    {
        await PurgeAsync(session, database, ct);
        var d = database.Dialect;
        var sql = $"INSERT INTO {d.Table(IdempotencyTables.Idempotency, database.Schema)} " +
                  $"({d.Quote("key")}, {d.Quote("request_hash")}, {d.Quote("status")}, {d.Quote("location")}, {d.Quote("response")}, {d.Quote("created_at")}) " +
                  "VALUES (@p0, @p1, @p2, @p3, @p4, @p5)";
        await using var command = session.Command(sql);
        command.AddParameter("@p0", slot);
        command.AddParameter("@p1", hash);
        command.AddParameter("@p2", (long)answer.Status);
        command.AddParameter("@p3", answer.RecordId?.ToString("D"));
        command.AddParameter("@p4", answer.Body);
        command.AddParameter("@p5", ColumnValueCodec.ToDb(CreatedAt, DateTime.UtcNow, database.Provider));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Deletes rows older than <see cref="Lifetime"/>.</summary>
    public static async Task<int> PurgeAsync(RecordSession session, TenantDatabase database, CancellationToken ct)
    {
        var d = database.Dialect;
        await using var command = session.Command(
            $"DELETE FROM {d.Table(IdempotencyTables.Idempotency, database.Schema)} WHERE {d.Quote("created_at")} < @p0");
        command.AddParameter("@p0", Cutoff(database));
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Forgets every stored answer that names one of the records (a data-subject erasure), so no trace of the key
    /// that created them remains. Bulk answers hold their ids in a JSON list.
    /// </summary>
    public static async Task ForgetRecordsAsync(RecordSession session, TenantDatabase database, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var d = database.Dialect;
        foreach (var chunk in ids.Distinct().Chunk(200))
        {
            var sql = new StringBuilder($"DELETE FROM {d.Table(IdempotencyTables.Idempotency, database.Schema)} WHERE ");
            await using var command = session.Command("");
            for (var i = 0; i < chunk.Length; i++)
            {
                var text = chunk[i].ToString("D");
                if (i > 0) sql.Append(" OR ");
                sql.Append($"{d.Quote("location")} = @l{i} OR {d.Quote("response")} LIKE @r{i}");
                command.AddParameter($"@l{i}", text);
                command.AddParameter($"@r{i}", $"%\"{text}\"%");
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static object? Cutoff(TenantDatabase database) => ColumnValueCodec.ToDb(CreatedAt, DateTime.UtcNow - Lifetime, database.Provider);
}
