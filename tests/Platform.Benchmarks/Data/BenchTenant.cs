using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Metadata.Definitions;
using Platform.Runtime;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Benchmarks.Data;

/// <summary>A tenant with crm-core and sales installed through the module installer, loaded with accounts and opportunities.</summary>
public sealed class BenchTenant
{
    public const int AccountCount = 1_000;
    /// <summary>API creates number opportunities from here, far above the loaded range.</summary>
    public const long ApiNumberStart = 50_000_000;
    private const int LoadChunk = 10_000;

    private BenchTenant(TenantRuntime runtime, IReadOnlyList<Guid> accounts, IReadOnlyList<Guid> opportunities, IReadOnlyList<Guid> scoped, RowFactory rows)
    {
        Runtime = runtime;
        Accounts = accounts;
        Opportunities = opportunities;
        ScopedOpportunities = scoped;
        Rows = rows;
    }

    public TenantRuntime Runtime { get; }
    public string Id => Runtime.Id;
    public TenantDatabase Database => Runtime.Tenant.Database;
    public IReadOnlyList<Guid> Accounts { get; }
    public IReadOnlyList<Guid> Opportunities { get; }
    /// <summary>The loaded opportunities of <see cref="BenchBusinessUnits.Scoped"/>: what the permissions case's user may read.</summary>
    public IReadOnlyList<Guid> ScopedOpportunities { get; }
    public RowFactory Rows { get; }

    public TableModel Table(string entity) => Runtime.Model.Table(entity);

    /// <summary>Installs the shipped modules on a new tenant (the same path as the CLI's apply and the host's start).</summary>
    public static async Task<TenantRuntime> InstallAsync(IServiceProvider services, string tenantId, IReadOnlyList<string> moduleFolders)
    {
        var result = await services.GetRequiredService<ModuleInstaller>().ApplyAsync(tenantId, moduleFolders, allowDataLoss: false, CancellationToken.None);
        if (result.HasErrors) throw new InvalidOperationException("The modules are not valid:\n" + string.Join("\n", result.Errors));
        if (result.Refused) throw new InvalidOperationException("The modules were not applied: " + result.Applied!.Reason);
        return await services.GetRequiredService<TenantRuntimeCache>().GetAsync(tenantId, CancellationToken.None)
               ?? throw new InvalidOperationException($"Tenant {tenantId} was not created.");
    }

    public static async Task<BenchTenant> CreateAsync(IServiceProvider services, string tenantId, IReadOnlyList<string> moduleFolders, int opportunities)
    {
        var clock = Stopwatch.StartNew();
        var runtime = await InstallAsync(services, tenantId, moduleFolders);
        Console.WriteLine($"  tenant '{tenantId}' installed ({string.Join(", ", moduleFolders.Select(Path.GetFileName))}) in {clock.ElapsedMilliseconds} ms");

        clock.Restart();
        var rows = new RowFactory(seed: 20261123);
        var now = DateTime.UtcNow;
        var accounts = new RawInserter(runtime.Tenant.Database, runtime.Model.Table("account"));
        var accountRows = Enumerable.Range(1, AccountCount).Select(i => RowFactory.WithSystemFields(rows.Account(i), now, BenchBusinessUnits.For(i))).ToList();
        await accounts.InsertAsync(accountRows);
        var accountIds = accountRows.Select(r => (Guid)r[SystemFields.Id]!).ToList();

        var inserter = new RawInserter(runtime.Tenant.Database, runtime.Model.Table("opportunity"));
        var ids = new List<Guid>(opportunities);
        var scoped = new List<Guid>(opportunities / BenchBusinessUnits.Count + 1);
        for (var start = 0; start < opportunities; start += LoadChunk)
        {
            var chunk = Enumerable.Range(0, Math.Min(LoadChunk, opportunities - start)).Select(_ => rows.Opportunity(accountIds, now)).ToList();
            ids.AddRange(chunk.Select(r => (Guid)r[SystemFields.Id]!));
            scoped.AddRange(chunk.Where(r => (string?)r[SystemFields.OwningBusinessUnit] == BenchBusinessUnits.Scoped).Select(r => (Guid)r[SystemFields.Id]!));
            await inserter.InsertAsync(chunk);
        }
        await PrepareAsync(runtime.Tenant.Database);
        Console.WriteLine($"  loaded {AccountCount:N0} accounts and {opportunities:N0} opportunities ({inserter.Description}, 10,000 rows per transaction) in {clock.Elapsed.TotalSeconds:0.0} s");
        return new BenchTenant(runtime, accountIds, ids, scoped, rows);
    }

    /// <summary>Moves the autonumber past the loaded range and refreshes planner statistics.</summary>
    private static async Task PrepareAsync(TenantDatabase database)
    {
        var d = database.Dialect;
        await using var connection = d.CreateConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO {d.Table(PlatformTables.Sequences, database.Schema)} ({d.Quote("name")}, {d.Quote("next_value")}) VALUES ('opportunity.number', {ApiNumberStart}); " +
            (database.Provider == DatabaseProvider.Postgres ? $"ANALYZE {d.Table("opportunity", database.Schema)}; ANALYZE {d.Table("account", database.Schema)};" : "ANALYZE;");
        await command.ExecuteNonQueryAsync();
    }
}
