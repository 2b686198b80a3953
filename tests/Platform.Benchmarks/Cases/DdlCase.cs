using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Benchmarks.Data;
using Platform.Metadata.Definitions;
using Platform.Runtime;
using Platform.Storage.Schema;

namespace Platform.Benchmarks.Cases;

/// <summary>
/// Target 3 (PostgreSQL): plan and apply a sales module version that adds a nullable field and an index to a
/// table of 1,000,000 opportunities. Reports plan and apply times; passes when the table was not rewritten
/// (its relfilenode is unchanged) and the change was applied.
/// </summary>
public static class DdlCase
{
    public const string TenantId = "ddl";
    public const string NewField = "region";

    public static async Task RunAsync(IServiceProvider services, IReadOnlyList<string> moduleFolders, BenchmarkSettings settings, Report report)
    {
        var runtime = await BenchTenant.InstallAsync(services, TenantId, moduleFolders);
        var database = runtime.Tenant.Database;
        var table = runtime.Model.Table("opportunity");

        var clock = Stopwatch.StartNew();
        var rows = new RowFactory(seed: 7);
        var now = DateTime.UtcNow;
        var accountRows = Enumerable.Range(1, BenchTenant.AccountCount).Select(i => RowFactory.WithSystemFields(rows.Account(i), now)).ToList();
        var accounts = new RawInserter(database, runtime.Model.Table("account"));
        await accounts.InsertAsync(accountRows);
        var accountIds = accountRows.Select(r => (Guid)r[SystemFields.Id]!).ToList();
        await PostgresCopyLoader.LoadAsync(database, table, Enumerable.Range(0, settings.DdlRows).Select(_ => rows.Opportunity(accountIds, now)));
        Console.WriteLine($"  [postgres] ddl: loaded {settings.DdlRows:N0} opportunities with binary COPY in {clock.Elapsed.TotalSeconds:0.0} s");

        var before = await PostgresCopyLoader.RelFileNodeAsync(database, "opportunity");
        using var upgraded = UpgradedModules.Create(moduleFolders);
        var installer = services.GetRequiredService<ModuleInstaller>();

        clock.Restart();
        var planned = await installer.PlanAsync(TenantId, upgraded.Folders, CancellationToken.None);
        var planTime = clock.Elapsed;
        if (planned.HasErrors || planned.Plan is null) throw new InvalidOperationException("The upgraded modules are not valid:\n" + string.Join("\n", planned.Errors));
        Console.WriteLine("     plan:");
        foreach (var statement in planned.Plan.Statements) Console.WriteLine("       " + statement.ReplaceLineEndings(" "));

        clock.Restart();
        var applied = await SchemaApplier.ApplyAsync(planned.Plan, allowDataLoss: false, CancellationToken.None);
        var applyTime = clock.Elapsed;
        services.GetRequiredService<TenantRuntimeCache>().Invalidate(TenantId);
        var after = await PostgresCopyLoader.RelFileNodeAsync(database, "opportunity");

        var rewritten = before != after;
        Console.WriteLine($"     plan {planTime.TotalMilliseconds:N0} ms + apply {applyTime.TotalMilliseconds:N0} ms = {(planTime + applyTime).TotalMilliseconds:N0} ms; " +
                          $"relfilenode {before} -> {after} ({(rewritten ? "REWRITTEN" : "not rewritten")})");
        var ok = applied.Changed && !rewritten;
        report.Add(new Finding("postgres", $"ddl {settings.DdlRows / 1000:N0}k rows",
            $"add nullable column + index: plan {planTime.TotalMilliseconds:N0} ms, apply {applyTime.TotalMilliseconds:N0} ms, " +
            (applied.Changed ? "applied" : $"NOT applied ({applied.Reason})") + $", relfilenode {before} -> {after} " +
            (rewritten ? "(table REWRITTEN)" : "(no rewrite)"), ok));
    }

    /// <summary>A temporary copy of the modules where sales 1.1.0 adds opportunity.region (nullable) and an index on amount.</summary>
    private sealed class UpgradedModules : IDisposable
    {
        private readonly string _root;

        private UpgradedModules(string root, IReadOnlyList<string> folders)
        {
            _root = root;
            Folders = folders;
        }

        public IReadOnlyList<string> Folders { get; }

        public static UpgradedModules Create(IReadOnlyList<string> sources)
        {
            var root = Directory.CreateTempSubdirectory("platform-bench-modules-").FullName;
            var folders = new List<string>();
            foreach (var source in sources)
            {
                var target = Path.Combine(root, Path.GetFileName(source));
                Copy(source, target);
                folders.Add(target);
            }
            var sales = folders.Single(f => Path.GetFileName(f) == "sales");
            Edit(Path.Combine(sales, "module.json"), module => module["version"] = "1.1.0");
            Edit(Path.Combine(sales, "entities", "opportunity.json"), entity =>
            {
                entity["fields"]!.AsArray().Add(new JsonObject { ["name"] = NewField, ["type"] = "text", ["maxLength"] = 50 });
                entity["indexes"]!.AsArray().Add(new JsonObject { ["fields"] = new JsonArray("amount") });
            });
            return new UpgradedModules(root, folders);
        }

        private static void Copy(string source, string target)
        {
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            foreach (var dir in Directory.GetDirectories(source)) Copy(dir, Path.Combine(target, Path.GetFileName(dir)));
        }

        private static void Edit(string path, Action<JsonObject> change)
        {
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            json.Remove("$schema");
            change(json);
            File.WriteAllText(path, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
