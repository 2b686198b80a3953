using Microsoft.Data.Sqlite;
using Platform.Storage.Providers;

namespace Platform.Tenancy;

/// <summary>
/// Deletes a removed tenant's data: its SQLite file (with WAL and shared-memory files), or its PostgreSQL schema.
/// Called after the catalog entry is gone, so no new request can open the database meanwhile.
/// </summary>
public static class TenantStorageRemover
{
    public static async Task RemoveAsync(TenantDatabase database, CancellationToken ct)
    {
        if (database.Dialect.IsLocalFile)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            // Pooled connections keep the file open (and would recreate it); close them first.
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                if (File.Exists(path)) File.Delete(path);
            return;
        }
        if (database.Schema is null) throw new InvalidOperationException($"A {database.Provider} tenant without a schema cannot be removed safely.");
        await using var connection = await TenantConnections.OpenAsync(database, ct);
        await using var command = connection.CreateCommand($"DROP SCHEMA IF EXISTS {database.Dialect.Quote(database.Schema)} CASCADE", null);
        await command.ExecuteNonQueryAsync(ct);
    }
}
