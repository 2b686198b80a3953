using Platform.TestSupport;

namespace Platform.Api.Tests.Support;

/// <summary>The host on PostgreSQL: a fresh database holds the catalog and one schema per tenant.</summary>
public sealed class PostgresApiHost : ApiHost
{
    private PostgresTestDatabase? _database;

    protected override async Task<IReadOnlyDictionary<string, string>> PrepareStorageAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        return new Dictionary<string, string> { ["provider"] = "postgres", ["connection"] = _database.ConnectionString };
    }

    protected override async Task ReleaseStorageAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
