namespace Platform.TestSupport;

/// <summary>Connection settings for the database servers tests may use.</summary>
public static class TestDatabases
{
    /// <summary>Environment variable set by <c>tests/run</c> to the throwaway PostgreSQL server.</summary>
    public const string PostgresEnvironmentVariable = "PLATFORM_TEST_POSTGRES";

    /// <summary>
    /// Connection string of the PostgreSQL server tests may create databases on (from
    /// <c>PLATFORM_TEST_POSTGRES</c>). Throws when it is not set: tests never silently skip.
    /// </summary>
    public static string PostgresConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"The environment variable {PostgresEnvironmentVariable} is not set, so there is no PostgreSQL " +
                    "server for this test. Run the tests through `tests/run` from the repository root (it starts a " +
                    $"throwaway PostgreSQL cluster and sets {PostgresEnvironmentVariable}), or set " +
                    $"{PostgresEnvironmentVariable} yourself, e.g. " +
                    "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres;Pooling=true\".");
            }

            return value;
        }
    }
}
