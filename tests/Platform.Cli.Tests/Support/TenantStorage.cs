using Platform.Audit.Trail;
using System.Text.Json.Nodes;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using Platform.Storage.Schema;
using Platform.Tenancy;

namespace Platform.Cli.Tests.Support;

/// <summary>Where a test's tenants live, and the CLI arguments that point there.</summary>
public abstract class TenantStorage : IAsyncDisposable
{
    /// <summary>The storage arguments, e.g. <c>--data-dir D</c>.</summary>
    public abstract string[] Arguments { get; }

    public abstract PlatformStorageOptions Options { get; }

    /// <summary>True when the tenant's database exists at all (SQLite file, PostgreSQL schema); checked without creating it.</summary>
    public abstract Task<bool> TenantDatabaseExistsAsync(string tenant);

    public abstract ValueTask DisposeAsync();

    public async Task<TenantInfo?> FindTenantAsync(string tenant) => await new TenantCatalog(Options).FindAsync(tenant, CancellationToken.None);

    public async Task<SchemaHistoryEntry?> LatestSchemaAsync(string tenant)
    {
        var info = await FindTenantAsync(tenant) ?? throw new InvalidOperationException($"No tenant '{tenant}'.");
        return await SchemaHistory.ReadLatestAsync(info.Database, CancellationToken.None);
    }

    public async Task<bool> TableExistsAsync(string tenant, string table)
    {
        var info = await FindTenantAsync(tenant) ?? throw new InvalidOperationException($"No tenant '{tenant}'.");
        await using var connection = await TenantConnections.OpenAsync(info.Database, CancellationToken.None);
        return await TenantConnections.TableExistsAsync(connection, info.Database, table, CancellationToken.None);
    }

    /// <summary>The details ("kind name change") of the tenant's "security-definition-changed" audit entries.</summary>
    public async Task<IReadOnlyList<string>> SecurityAuditAsync(string tenant)
    {
        var info = await FindTenantAsync(tenant) ?? throw new InvalidOperationException($"No tenant '{tenant}'.");
        var latest = await LatestSchemaAsync(tenant) ?? throw new InvalidOperationException($"Tenant '{tenant}' has no schema.");
        var store = new RecordStore(info.Database, PhysicalModelBuilder.Build(latest.Definitions, info.Database.Provider));
        await using var session = await store.OpenAsync(write: false, CancellationToken.None);
        var page = await store.QueryAsync(session, new RecordQuery(AuditTables.Audit)
        {
            Filter = new ComparisonNode("action", ComparisonOperator.Eq, "security-definition-changed"), Top = 1000,
        }, CancellationToken.None);
        return page.Rows.Select(r => JsonNode.Parse((string)r["details"]!)!).Select(d => $"{d["kind"]} {d["name"]} {d["change"]}").ToList();
    }

    /// <summary>Inserts an account with only the required columns set.</summary>
    public async Task InsertAccountAsync(string tenant, string name)
    {
        var database = (await FindTenantAsync(tenant))!.Database;
        var d = database.Dialect;
        await using var connection = await TenantConnections.OpenAsync(database, CancellationToken.None);
        await using var command = connection.CreateCommand(
            $"INSERT INTO {d.Table("account", database.Schema)} ({d.Quote("id")}, {d.Quote("name")}, {d.Quote("created_at")}, {d.Quote("modified_at")}) " +
            "VALUES (@p0, @p1, @p2, @p3)", null);
        var id = Guid.NewGuid();
        command.AddParameter("@p0", database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id);
        command.AddParameter("@p1", name);
        command.AddParameter("@p2", DateTime.UtcNow);
        command.AddParameter("@p3", DateTime.UtcNow);
        await command.ExecuteNonQueryAsync();
    }
}
