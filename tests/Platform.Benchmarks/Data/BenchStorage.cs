using Microsoft.Data.Sqlite;
using System.Security.Cryptography;
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
        WorkDirectory = Directory.CreateTempSubdirectory("platform-bench-").FullName;
        DataDirectory = dataDirectory ?? WorkDirectory;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        DatabaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }
    /// <summary>A temporary folder of this run (generated modules, and the data directory on SQLite); deleted at the end.</summary>
    public string WorkDirectory { get; }
    public string DataDirectory { get; }
    public string? ConnectionString { get; }
    public string? DatabaseName { get; }

    /// <summary>Leave the data behind on dispose (<c>--keep</c>).</summary>
    public bool Keep { get; set; }

    public string Name => Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    /// <summary>
    /// The host's configuration keys (see Platform.Host's PlatformHostOptions). On PostgreSQL the signing and encryption
    /// keys are given, as every node of a cluster must be given them; on SQLite the host generates them in the data
    /// directory, as a fresh single-node install does. Nothing is written into the repository either way.
    /// </summary>
    public Dictionary<string, string?> HostConfiguration(string modulesDirectory)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["provider"] = Name,
            ["data-dir"] = DataDirectory,
            ["connection"] = ConnectionString,
            ["modules-dir"] = modulesDirectory,
            ["demo"] = "false",
        };
        if (Provider == DatabaseProvider.Postgres)
        {
            configuration["auth:signing-key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            configuration["encryption:key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }
        return configuration;
    }

    public static BenchStorage Sqlite() => new(DatabaseProvider.Sqlite, null, null, null, null);

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
        if (Provider == DatabaseProvider.Sqlite) SqliteConnection.ClearAllPools();
        if (Keep)
        {
            Console.WriteLine($"  kept: {(Provider == DatabaseProvider.Sqlite ? WorkDirectory : "database " + DatabaseName)}");
            return;
        }
        try { Directory.Delete(WorkDirectory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
        if (Provider == DatabaseProvider.Sqlite) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
