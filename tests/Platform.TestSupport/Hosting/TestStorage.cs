using Microsoft.Data.Sqlite;

namespace Platform.TestSupport;

/// <summary>
/// Where one test host keeps its data: a fresh temporary data directory, and on PostgreSQL a fresh database too.
/// Outlives a host, so a test can restart hosts over the same data. Disposing deletes both.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _database;

    private TestStorage(TestProvider provider, PostgresTestDatabase? database)
    {
        Provider = provider;
        _database = database;
        DataDirectory = Directory.CreateTempSubdirectory("platform-host-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["provider"] = provider == TestProvider.Postgres ? "postgres" : "sqlite",
            ["data-dir"] = DataDirectory,
        };
        if (database is not null) settings["connection"] = database.ConnectionString;
        Settings = settings;
    }

    public TestProvider Provider { get; }

    /// <summary>The host's data directory (SQLite's databases; room for files a test writes, such as its own modules).</summary>
    public string DataDirectory { get; }

    /// <summary>The host settings that choose and locate the database (provider, data-dir, connection).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<TestStorage> CreateAsync(TestProvider provider) =>
        new(provider, provider == TestProvider.Postgres ? await PostgresTestDatabase.CreateAsync() : null);

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_database is not null) await _database.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary folder must not fail the run.
        }
    }
}
