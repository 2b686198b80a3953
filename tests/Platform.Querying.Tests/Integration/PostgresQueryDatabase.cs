using Platform.Storage.Providers;
using Platform.TestSupport;

namespace Platform.Querying.Tests.Integration;

public sealed class PostgresQueryDatabase : QueryDatabase
{
    private PostgresTestDatabase? _database;

    protected override async Task<TenantDatabase> CreateAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        return new TenantDatabase(DatabaseProvider.Postgres, _database.ConnectionString, "t_test");
    }

    protected override async Task DropAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
