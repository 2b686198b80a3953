using Platform.Storage.Providers;
using Platform.TestSupport;

namespace Platform.Storage.Tests.Support;

public sealed class SqliteTestTenant : TestTenant
{
    private readonly SqliteTestDatabase _file = new();

    public SqliteTestTenant() => Database = new TenantDatabase(DatabaseProvider.Sqlite, _file.ConnectionString);

    public override TenantDatabase Database { get; }

    public override Task<IReadOnlyList<string>> ColumnsAsync(string table) => ListAsync(
        "SELECT name || ' ' || type || CASE WHEN \"notnull\" = 1 THEN ' not null' ELSE ' null' END FROM pragma_table_info(@p0) ORDER BY cid", table);

    public override Task<IReadOnlyList<string>> IndexesAsync(string table) => ListAsync(
        "SELECT il.name || '(' || (SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_index_info(il.name) ORDER BY seqno)) || ')' " +
        "|| CASE WHEN il.\"unique\" = 1 THEN ' unique' ELSE '' END FROM pragma_index_list(@p0) il WHERE il.origin = 'c' ORDER BY il.name", table);

    public override Task<IReadOnlyList<string>> TablesAsync() =>
        ListAsync("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

    public override async Task<IAsyncDisposable> HoldSchemaLockAsync()
    {
        var connection = await OpenAsync();
        await using var begin = connection.CreateCommand("BEGIN IMMEDIATE", null);
        await begin.ExecuteNonQueryAsync();
        return new HeldLock(connection, "ROLLBACK");
    }

    public override ValueTask DisposeAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}
