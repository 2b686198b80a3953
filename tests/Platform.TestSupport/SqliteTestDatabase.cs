using Microsoft.Data.Sqlite;

namespace Platform.TestSupport;

/// <summary>
/// A SQLite database file in a fresh temporary directory. The file itself is created by the first
/// connection that opens it. Disposing clears the SQLite connection pools and deletes the directory.
/// </summary>
/// <example><code>
/// using var db = new SqliteTestDatabase();
/// // use db.ConnectionString or db.DatabasePath
/// </code></example>
public sealed class SqliteTestDatabase : IDisposable
{
    private bool disposed;

    /// <param name="fileName">Name of the database file inside the temporary directory.</param>
    public SqliteTestDatabase(string fileName = "test.db")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);

        DirectoryPath = Directory.CreateTempSubdirectory("platform-sqlite-").FullName;
        DatabasePath = Path.Combine(DirectoryPath, fileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            ForeignKeys = true,
            Pooling = false,
        }.ToString();
    }

    /// <summary>The temporary directory holding the database (deleted on dispose).</summary>
    public string DirectoryPath { get; }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary><c>Data Source=&lt;path&gt;;Foreign Keys=True;Pooling=False</c>.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        SqliteConnection.ClearAllPools();

        try
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp directory must not mask the test's own outcome.
        }
    }
}
