using System.Data.Common;
using Platform.Metadata.Definitions;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>Reads the platform_schema_history table: the latest row is what the tenant database has now.</summary>
public static class SchemaHistory
{
    public static async Task<SchemaHistoryEntry?> ReadLatestAsync(TenantDatabase database, CancellationToken ct)
    {
        await using var connection = await TenantConnections.OpenAsync(database, ct);
        return await ReadLatestAsync(connection, database, ct);
    }

    public static Task<SchemaHistoryEntry?> ReadLatestAsync(DbConnection connection, TenantDatabase database, CancellationToken ct) =>
        ReadLatestAsync(connection, null, database, ct);

    /// <summary>Reads inside <paramref name="transaction"/> (SQLite and SQL Server require commands to join it).</summary>
    public static async Task<SchemaHistoryEntry?> ReadLatestAsync(DbConnection connection, DbTransaction? transaction, TenantDatabase database, CancellationToken ct)
    {
        var entries = await ReadAsync(connection, transaction, database, 1, ct);
        return entries.Count == 0 ? null : entries[0];
    }

    public static Task<IReadOnlyList<SchemaHistoryEntry>> ReadAsync(DbConnection connection, TenantDatabase database, int limit, CancellationToken ct) =>
        ReadAsync(connection, null, database, limit, ct);

    public static async Task<IReadOnlyList<SchemaHistoryEntry>> ReadAsync(DbConnection connection, DbTransaction? transaction, TenantDatabase database, int limit, CancellationToken ct)
    {
        if (!await TableExistsAsync(connection, transaction, database, ct)) return [];
        var d = database.Dialect;
        var sql = $"SELECT {d.Quote("version")}, {d.Quote("applied_at")}, {d.Quote("definitions")}, {d.Quote("plan")}, {d.Quote("inverse")} " +
                  $"FROM {d.Table(PlatformTables.SchemaHistory, database.Schema)} ORDER BY {d.Quote("version")} DESC" + d.Page(limit, null);
        await using var command = connection.CreateCommand(sql, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<SchemaHistoryEntry>();
        while (await reader.ReadAsync(ct))
        {
            var modules = DefinitionJson.Deserialize<List<ModuleDefinition>>(reader.GetString(2));
            entries.Add(new SchemaHistoryEntry(reader.GetInt64(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
                new DefinitionSet(modules), reader.GetString(3), reader.GetString(4)));
        }
        return entries;
    }

    private static async Task<bool> TableExistsAsync(DbConnection connection, DbTransaction? transaction, TenantDatabase database, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(database.Dialect.TableExistsSql, transaction);
        command.AddParameter("@p0", PlatformTables.SchemaHistory);
        command.AddParameter("@p1", database.Schema);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>The latest applied version (0 when none): a cheap check that cached definitions are current.</summary>
    public static async Task<long> ReadLatestVersionAsync(TenantDatabase database, CancellationToken ct)
    {
        await using var connection = await TenantConnections.OpenAsync(database, ct);
        if (!await TenantConnections.TableExistsAsync(connection, database, PlatformTables.SchemaHistory, ct)) return 0;
        var d = database.Dialect;
        await using var command = connection.CreateCommand($"SELECT MAX({d.Quote("version")}) FROM {d.Table(PlatformTables.SchemaHistory, database.Schema)}", null);
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value) : 0;
    }
}
