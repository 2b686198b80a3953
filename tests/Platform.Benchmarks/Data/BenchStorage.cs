using Microsoft.Data.Sqlite;
using Npgsql;
using Platform.Storage.Providers;

namespace Platform.Benchmarks.Data;

/// <summary>
/// Where one provider's run keeps its data: a temporary data directory (SQLite) or a fresh database on the
/// given PostgreSQL server. Disposing deletes it.
/// </summary>
public sealed class BenchStorage : IAsyncDisposable
{
    private readonly string? _adminConnection;

    private BenchStorage(DatabaseProvider provider, string? dataDirectory, string? connectionString, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        DatabaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }
    public string? DataDirectory { get; }
    public string? ConnectionString { get; }
    public string? DatabaseName { get; }

    public string Name => Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    /// <summary>The host's configuration keys (see Platform.Host's PlatformHostOptions).</summary>
    public Dictionary<string, string?> HostConfiguration(string modulesDirectory) => new()
    {
        ["provider"] = Name,
        ["data-dir"] = DataDirectory,
        ["connection"] = ConnectionString,
        ["modules-dir"] = modulesDirectory,
        ["demo"] = "false",
    };

    public static BenchStorage Sqlite() =>
        new(DatabaseProvider.Sqlite, Directory.CreateTempSubdirectory("platform-bench-").FullName, null, null, null);

    public static async Task<BenchStorage> PostgresAsync(string serverConnection)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name, Pooling = true, MaxPoolSize = 100 };
        return new BenchStorage(DatabaseProvider.Postgres, null, builder.ConnectionString, serverConnection, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDirectory!, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
