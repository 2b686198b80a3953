using Platform.Storage.Providers;
using Platform.TestSupport;

namespace Platform.Querying.Tests.Integration;

public sealed class SqliteQueryDatabase : QueryDatabase
{
    private readonly SqliteTestDatabase _file = new();

    protected override Task<TenantDatabase> CreateAsync() =>
        Task.FromResult(new TenantDatabase(DatabaseProvider.Sqlite, SqliteDialect.ConnectionStringFor(_file.DatabasePath)));

    protected override Task DropAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
