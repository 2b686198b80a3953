namespace Platform.TestSupport;

/// <summary>The database a test host runs on; suites run their host tests once per provider.</summary>
public enum TestProvider
{
    Sqlite,

    /// <summary>On the server named by <see cref="TestDatabases.PostgresConnectionString"/>.</summary>
    Postgres,
}
