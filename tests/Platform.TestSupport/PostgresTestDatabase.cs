using Npgsql;

namespace Platform.TestSupport;

/// <summary>
/// A fresh, uniquely named PostgreSQL database on the server given by
/// <see cref="TestDatabases.PostgresConnectionString"/>. Disposing drops it.
/// </summary>
/// <example><code>
/// await using var db = await PostgresTestDatabase.CreateAsync();
/// // use db.ConnectionString
/// </code></example>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string adminConnectionString;
    private bool disposed;

    private PostgresTestDatabase(string adminConnectionString, string name, string connectionString)
    {
        this.adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>Database name, e.g. <c>t_0123456789abcdef0123456789abcdef</c>.</summary>
    public string Name { get; }

    /// <summary>Connection string to this database (same server and credentials as the admin one).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a new empty database on the test server.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var adminConnectionString = TestDatabases.PostgresConnectionString;
        var name = "t_" + Guid.NewGuid().ToString("N");

        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // UTF-8 and the C locale whatever the server's defaults, as tests/run initialises its cluster: a server made
            // with SQL_ASCII has no ICU collations, which case-insensitive matching uses.
            await using var command = new NpgsqlCommand(
                $"CREATE DATABASE {Quote(name)} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name };
        return new PostgresTestDatabase(adminConnectionString, name, builder.ConnectionString);
    }

    /// <summary>Drops the database, terminating any connections still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // Pooled idle connections to the database would be killed by FORCE anyway; clearing the pool
        // keeps them from being handed out later in a broken state.
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(Name)} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
