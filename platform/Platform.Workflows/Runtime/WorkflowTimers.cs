using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Runtime;
using Platform.Tenancy;
using Platform.Workflows.Triggers;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Each poll, for every active tenant: fires due timers (claimed under a lease, resumed through the bookmark so each
/// fires once), continues instances whose host stopped mid-run (their lease ran out), and starts scheduled workflows.
/// Timers live in the tenant's database, so they survive restarts. Suspended tenants run nothing.
/// </summary>
public sealed class WorkflowTimers(
    TenantCatalog catalog, TenantRuntimeCache runtimes, WorkflowEngine engine, ScheduleTriggers schedules, ModuleWorkflowPublisher modules, WorkflowOptions options, ILogger<WorkflowTimers> logger)
    : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                foreach (var tenant in (await catalog.ListAsync(stoppingToken)).Where(t => t.Status == TenantStatus.Active))
                    await PollTenantAsync(tenant.Id, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Workflow timers could not be polled; retrying at the next poll.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task PollTenantAsync(string tenant, CancellationToken ct)
    {
        try
        {
            // The runtime's status is re-read from the catalog every few seconds, so a suspension reaches every host.
            if (await runtimes.GetAsync(tenant, ct) is not { Status: TenantStatus.Active } runtime || runtime.SchemaVersion == 0) return;
            await modules.EnsureAsync(runtime, ct);
            var now = engine.Now;
            foreach (var timer in await WorkflowStore.ClaimDueTimersAsync(runtime, now, now + options.Lease, Batch, ct))
                await engine.ResumeAsync(runtime, timer.InstanceId, timer.Id, null, ct);
            foreach (var abandoned in await WorkflowStore.AbandonedAsync(runtime, now, ct))
                await engine.RunAsync(runtime, abandoned, ct);
            await schedules.StartDueAsync(runtime, now, ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Tenant {Tenant}: workflow timers failed; retrying at the next poll.", tenant);
        }
    }
}
