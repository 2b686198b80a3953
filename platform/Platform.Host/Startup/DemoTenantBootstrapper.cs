using Platform.Api.Auth;
using Platform.Runtime;

namespace Platform.Host.Startup;

/// <summary>
/// On start: installs the shipped modules on tenant "demo" (upgrading it when they changed) and seeds sample
/// records into an empty tenant; its first start creates user admin (see <see cref="TenantAdministrators"/>). Runs in the background so /health can say "starting" meanwhile.
/// </summary>
public sealed class DemoTenantBootstrapper(
    PlatformHostOptions options, ModuleInstaller installer, TenantRuntimeCache runtimes, DemoDataSeeder seeder,
    HostReadiness readiness, TenantAdministrators administrators, ILogger<DemoTenantBootstrapper> logger) : BackgroundService
{
    public const string DemoTenant = "demo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (options.CreateDemoTenant) await PrepareDemoAsync(stoppingToken);
            readiness.MarkReady();
            logger.LogInformation("Platform ready ({Provider}).", options.Provider);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            readiness.Report("start-up failed: " + exception.Message);
            logger.LogError(exception, "Start-up failed.");
        }
    }

    private async Task PrepareDemoAsync(CancellationToken ct)
    {
        if (options.ModulesDirectory is null)
        {
            logger.LogWarning("No modules folder found; the demo tenant is not created. Pass --modules-dir.");
            return;
        }
        var folders = Directory.GetDirectories(options.ModulesDirectory)
            .Where(d => File.Exists(Path.Combine(d, "module.json"))).OrderBy(d => d, StringComparer.Ordinal).ToList();
        readiness.Report("installing modules");
        var result = await installer.ApplyAsync(DemoTenant, folders, allowDataLoss: false, ct);
        if (result.HasErrors) throw new InvalidOperationException("The shipped modules are not valid:\n" + string.Join("\n", result.Errors));
        if (result.Refused) throw new InvalidOperationException($"The demo tenant's schema was not changed: {result.Applied!.Reason}\n{result.Plan}");
        logger.LogInformation("Tenant {Tenant}: modules {Outcome}.", DemoTenant, result.Applied!.Changed ? "installed" : "up to date");

        await administrators.EnsureAsync(DemoTenant, ct);

        readiness.Report("seeding sample data");
        var runtime = await runtimes.GetAsync(DemoTenant, ct) ?? throw new InvalidOperationException("The demo tenant vanished.");
        var seeded = await seeder.SeedIfEmptyAsync(runtime, ct);
        if (seeded > 0) logger.LogInformation("Tenant {Tenant}: {Count} sample records created.", DemoTenant, seeded);
    }
}
