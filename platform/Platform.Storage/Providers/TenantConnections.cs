using System.Data.Common;

namespace Platform.Storage.Providers;

public static class TenantConnections
{
    /// <summary>Opens a connection to a tenant database with the per-connection settings it needs.</summary>
    public static async Task<DbConnection> OpenAsync(TenantDatabase database, CancellationToken ct)
    {
        var connection = database.Dialect.CreateConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await SqliteConnectionSetup.ApplyAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static async Task<bool> TableExistsAsync(DbConnection connection, TenantDatabase database, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(database.Dialect.TableExistsSql, null);
        command.AddParameter("@p0", table);
        command.AddParameter("@p1", database.Schema);
        return await command.ExecuteScalarAsync(ct) is not null;
    }
}
