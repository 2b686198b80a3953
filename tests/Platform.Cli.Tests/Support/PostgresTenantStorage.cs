using Npgsql;
using Platform.Tenancy;
using Platform.TestSupport;

namespace Platform.Cli.Tests.Support;

/// <summary>A fresh PostgreSQL database holding the catalog and a schema per tenant.</summary>
public sealed class PostgresTenantStorage(PostgresTestDatabase database) : TenantStorage
{
    public static async Task<PostgresTenantStorage> CreateAsync() => new(await PostgresTestDatabase.CreateAsync());

    public string ConnectionString => database.ConnectionString;

    public override string[] Arguments => ["--provider", "postgres", "--connection", ConnectionString];

    public override PlatformStorageOptions Options => PlatformStorageOptions.Postgres(ConnectionString);

    public override async Task<bool> TenantDatabaseExistsAsync(string tenant)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_namespace WHERE nspname = @name", connection);
        command.Parameters.AddWithValue("name", TenantPlacement.SchemaName(tenant));
        return await command.ExecuteScalarAsync() is not null;
    }

    public override ValueTask DisposeAsync() => database.DisposeAsync();
}
