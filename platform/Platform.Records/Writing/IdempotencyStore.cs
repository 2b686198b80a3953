using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Records.Writing;

/// <summary>Rows of platform_idempotency, read and written inside the create's transaction.</summary>
internal static class IdempotencyStore
{
    public static async Task<(string Hash, IdempotentReplay Replay)?> FindAsync(RecordSession session, TenantDatabase database, string key, CancellationToken ct)
    {
        var d = database.Dialect;
        var sql = $"SELECT {d.Quote("request_hash")}, {d.Quote("status")}, {d.Quote("location")}, {d.Quote("response")} " +
                  $"FROM {d.Table(PlatformTables.Idempotency, database.Schema)} WHERE {d.Quote("key")} = @p0";
        await using var command = session.Command(sql);
        command.AddParameter("@p0", key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetString(0), new IdempotentReplay((int)reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? "" : reader.GetString(3)));
    }

    public static async Task SaveAsync(RecordSession session, TenantDatabase database, string key, string hash, IdempotentReplay response, CancellationToken ct)
    {
        var d = database.Dialect;
        var sql = $"INSERT INTO {d.Table(PlatformTables.Idempotency, database.Schema)} " +
                  $"({d.Quote("key")}, {d.Quote("request_hash")}, {d.Quote("status")}, {d.Quote("location")}, {d.Quote("response")}, {d.Quote("created_at")}) " +
                  "VALUES (@p0, @p1, @p2, @p3, @p4, @p5)";
        await using var command = session.Command(sql);
        command.AddParameter("@p0", key);
        command.AddParameter("@p1", hash);
        command.AddParameter("@p2", (long)response.Status);
        command.AddParameter("@p3", response.Location);
        command.AddParameter("@p4", response.Body);
        command.AddParameter("@p5", ColumnValueCodec.ToDb(new ColumnModel("created_at", ValueKind.DateTime, typeof(DateTime), false), DateTime.UtcNow, database.Provider));
        await command.ExecuteNonQueryAsync(ct);
    }
}
