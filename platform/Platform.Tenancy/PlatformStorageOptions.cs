using Platform.Storage.Providers;

namespace Platform.Tenancy;

/// <summary>
/// Where the platform keeps its data: SQLite files under a data directory (the embedded default), or one
/// PostgreSQL database holding the tenant catalog and a schema per tenant.
/// </summary>
public sealed record PlatformStorageOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite: the folder holding catalog.db and tenants/*.db.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>PostgreSQL: the database that holds the catalog and, by default, the tenants' schemas.</summary>
    public string? ConnectionString { get; init; }

    public SqlDialect Dialect => SqlDialect.For(Provider);

    public static PlatformStorageOptions Sqlite(string dataDirectory) => new() { Provider = DatabaseProvider.Sqlite, DataDirectory = dataDirectory };

    public static PlatformStorageOptions Postgres(string connectionString) => new() { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString };
}
