using Platform.Storage.Providers;
using Platform.Storage.Schema;
using Platform.TestSupport;

namespace Platform.Storage.Tests.Support;

/// <summary>A tenant schema in a fresh PostgreSQL database (dropped on dispose).</summary>
public sealed class PostgresTestTenant : TestTenant
{
    public const string Schema = "tenant_a";

    private readonly PostgresTestDatabase _database;

    private PostgresTestTenant(PostgresTestDatabase database)
    {
        _database = database;
        Database = new TenantDatabase(DatabaseProvider.Postgres, database.ConnectionString, Schema);
    }

    public static async Task<PostgresTestTenant> CreateAsync() => new(await PostgresTestDatabase.CreateAsync());

    public override TenantDatabase Database { get; }

    public override Task<IReadOnlyList<string>> ColumnsAsync(string table) => ListAsync(
        "SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END " +
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE n.nspname = @p0 AND c.relname = @p1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", Schema, table);

    public override Task<IReadOnlyList<string>> IndexesAsync(string table) => ListAsync(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = @p0 AND tablename = @p1 AND indexname NOT LIKE 'pk\\_%' ORDER BY indexname", Schema, table);

    public override Task<IReadOnlyList<string>> TablesAsync() => ListAsync(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = @p0 ORDER BY table_name", Schema);

    public override async Task<IAsyncDisposable> HoldSchemaLockAsync()
    {
        var connection = await OpenAsync();
        await using var command = connection.CreateCommand("BEGIN; SELECT pg_advisory_xact_lock(@p0)", null);
        command.AddParameter("@p0", SchemaApplyLock.LockKey(Database));
        await command.ExecuteNonQueryAsync();
        return new HeldLock(connection, "ROLLBACK");
    }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
