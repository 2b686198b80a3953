namespace Platform.Storage.Providers;

/// <summary>
/// Where one tenant's tables live: a SQLite file, or a schema inside a PostgreSQL / SQL Server database.
/// </summary>
/// <param name="Schema">Database schema holding the tenant's tables; null on SQLite (one file per tenant).</param>
public sealed record TenantDatabase(DatabaseProvider Provider, string ConnectionString, string? Schema = null)
{
    public SqlDialect Dialect => SqlDialect.For(Provider);

    public override string ToString() => Schema is null ? $"{Provider}" : $"{Provider} schema {Schema}";
}
