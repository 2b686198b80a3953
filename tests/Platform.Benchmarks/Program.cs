using Platform.Benchmarks.Cases;
using Platform.Benchmarks.Data;
using Platform.Benchmarks.Hosting;
using Platform.Benchmarks.Workflows;

namespace Platform.Benchmarks;

/// <summary>Runs the selected cases on SQLite and (when configured) PostgreSQL; exits 1 when a target is missed.</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkSettings settings;
        try
        {
            settings = BenchmarkSettings.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BenchmarkSettings.Usage);
            return 2;
        }

        Report.PrintMachine(settings);
        var report = new Report();
        var modules = FindModules();
        var folders = new[] { Path.Combine(modules, "crm-core"), Path.Combine(modules, "sales") };
        try
        {
            if (settings.UsesSqlite && (settings.Runs("api") || settings.Runs("permissions") || settings.Runs("bulk")))
            {
                await using var storage = BenchStorage.Sqlite();
                storage.Keep = settings.Keep;
                await RunProviderAsync(storage, modules, folders, settings, report);
            }
            if (settings.UsesPostgres && (settings.Runs("api") || settings.Runs("permissions") || settings.Runs("bulk") || settings.Runs("ddl")))
            {
                await using var storage = await BenchStorage.PostgresAsync(settings.Postgres!);
                storage.Keep = settings.Keep;
                await RunProviderAsync(storage, modules, folders, settings, report);
            }
            else if (!settings.UsesPostgres && settings.OnlyProvider != "sqlite")
            {
                report.Skip("PostgreSQL cases (api, bulk, ddl): no connection string; pass --postgres <cs> or set PLATFORM_TEST_POSTGRES");
            }
            if (settings.Runs("ddl") && settings.OnlyProvider == "sqlite") report.Skip("ddl case: it runs on PostgreSQL only");
            if (settings.Runs("scripts"))
            {
                if (settings.UsesSqlite)
                {
                    await using var storage = BenchStorage.Sqlite();
                    await ScriptsCase.RunAsync(storage, modules, folders, settings, report);
                }
                else report.Skip("scripts case: it runs on SQLite only");
            }
            if (settings.Runs("workflows"))
            {
                if (settings.UsesSqlite)
                {
                    await using var storage = BenchStorage.Sqlite();
                    await WorkflowBench.RunAsync(storage, modules, settings, report);
                }
                if (settings.UsesPostgres)
                {
                    await using var storage = await BenchStorage.PostgresAsync(settings.Postgres!);
                    await WorkflowBench.RunAsync(storage, modules, settings, report);
                }
                else if (settings.OnlyProvider != "sqlite") report.Skip("workflows case on PostgreSQL: no connection string");
            }
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"BENCHMARK FAILED: {e}");
            return 2;
        }
        return report.PrintSummary() ? 0 : 1;
    }

    private static async Task RunProviderAsync(BenchStorage storage, string modules, string[] folders, BenchmarkSettings settings, Report report)
    {
        Console.WriteLine($"== {storage.Name} ==");
        await using var host = BenchHost.Build(storage, modules);
        if (settings.Runs("api") || settings.Runs("permissions") || settings.Runs("bulk"))
        {
            var units = BenchBusinessUnits.WriteModule(storage.WorkDirectory);
            var tenant = await BenchTenant.CreateAsync(host.Services, "bench", [.. folders, units], settings.Rows);
            await host.StartAsync(tenant.Database);
            await host.SignInAsync(tenant.Id);
            Console.WriteLine($"  host listening on {host.BaseAddress}");
            if (settings.Runs("api")) await ApiCases.RunAsync(host, tenant, settings, report, storage.Name);
            if (settings.Runs("permissions")) await PermissionsCase.RunAsync(host, tenant, settings, report, storage.Name);
            if (settings.Runs("bulk")) await BulkCase.RunAsync(host, tenant, settings, report, storage.Name);
        }
        if (settings.Runs("ddl") && storage.Provider == Storage.Providers.DatabaseProvider.Postgres)
            await DdlCase.RunAsync(host.Services, folders, settings, report);
        Console.WriteLine();
    }

    /// <summary>The repository's modules/ folder, found from the working directory or the binaries upwards.</summary>
    private static string FindModules()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "modules", "sales", "module.json"))) return Path.Combine(dir.FullName, "modules");
        throw new InvalidOperationException("The repository's modules/ folder was not found; run from the repository.");
    }
}
