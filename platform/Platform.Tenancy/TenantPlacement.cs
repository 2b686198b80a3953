using Platform.Storage.Providers;

namespace Platform.Tenancy;

/// <summary>
/// Decides where a new tenant's database goes. SQLite: one file per tenant, so a tenant is copied, backed up or
/// deleted as a file. PostgreSQL: one schema per tenant in the platform database — cheap to create, isolated by
/// name, and a tenant can later be moved to another server by giving it its own connection string in the catalog.
/// </summary>
public static class TenantPlacement
{
    /// <param name="connectionString">
    /// PostgreSQL: another server (or database) for this tenant instead of the platform database — how the platform
    /// grows past one machine. The catalog remembers it, so every node finds the tenant there.
    /// </param>
    public static TenantDatabase For(PlatformStorageOptions options, string tenantId, string? connectionString = null) => options.Provider switch
    {
        DatabaseProvider.Sqlite when connectionString is not null =>
            throw new TenantRequestException("SQLite tenants live in the data directory; a connection string places PostgreSQL tenants only.", nameof(connectionString)),
        DatabaseProvider.Sqlite => new TenantDatabase(DatabaseProvider.Sqlite, SqliteDialect.ConnectionStringFor(SqliteFile(options, tenantId))),
        DatabaseProvider.Postgres => new TenantDatabase(DatabaseProvider.Postgres, connectionString is null ? Required(options.ConnectionString) : Parsed(connectionString), SchemaName(tenantId)),
        _ => throw new NotSupportedException($"{options.Provider} tenants are not supported by this host yet."),
    };

    public static string SqliteFile(PlatformStorageOptions options, string tenantId) =>
        Path.Combine(Path.GetFullPath(options.DataDirectory), "tenants", tenantId + ".db");

    public static string SchemaName(string tenantId) => "tenant_" + tenantId.Replace('-', '_');

    /// <summary>A tenant's own connection string, refused before the catalog keeps it when it does not parse.</summary>
    private static string Parsed(string connectionString)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (ArgumentException invalid)
        {
            throw new TenantRequestException($"The connection string is not valid: {invalid.Message}", nameof(connectionString), invalid);
        }
    }

    private static string Required(string? connectionString) =>
        connectionString ?? throw new InvalidOperationException("A PostgreSQL connection string is required.");
}
