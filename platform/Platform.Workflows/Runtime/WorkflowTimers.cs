using Microsoft.Extensions.Hosting;
using Platform.Runtime;
using Platform.Runtime.Polling;
using Platform.Workflows.Triggers;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Each poll, for every active tenant: fires due timers (claimed under a lease, resumed through the bookmark so each
/// fires once), continues instances whose host stopped mid-run (their lease ran out), and starts scheduled workflows.
/// Timers live in the tenant's database, so they survive restarts. Suspended tenants run nothing
/// (<see cref="TenantPollingLoop"/>); their due timers fire once they are resumed.
/// </summary>
public sealed class WorkflowTimers(TenantPollingLoop loop, WorkflowEngine engine, ScheduleTriggers schedules, ModuleWorkflowPublisher modules, WorkflowOptions options)
    : BackgroundService
{
    /// <summary>Timers claimed per statement; a full batch is followed by the next at once, so a backlog drains in one pass.</summary>
    private const int Batch = 100;

    /// <summary>Claimed timers resumed at once: each resume is a few short transactions, so a few overlap their round trips.</summary>
    private const int ParallelResumes = 4;

    private TenantPoll Poll => new() { Name = "workflow timers", Interval = options.PollInterval, PollAsync = (runtime, _, ct) => PollTenantAsync(runtime, ct) };

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(Poll, stoppingToken);

    /// <summary>One poll of one tenant, if it is active; false when it was skipped (suspended, deleted).</summary>
    public Task<bool> PollTenantAsync(string tenant, CancellationToken ct) => loop.PollTenantAsync(Poll, tenant, new TenantPass(Full: true, Purge: false), ct);

    private async Task PollTenantAsync(TenantRuntime runtime, CancellationToken ct)
    {
        await modules.EnsureAsync(runtime, ct);
        await FireDueTimersAsync(runtime, ct);
        foreach (var abandoned in await WorkflowStore.AbandonedAsync(runtime, engine.Now, ct))
            await engine.RunAsync(runtime, abandoned, ct);
        await schedules.StartDueAsync(runtime, engine.Now, ct);
    }

    /// <summary>Claims due timers a batch at a time (each claim leases them to this host) and resumes their instances.</summary>
    private async Task FireDueTimersAsync(TenantRuntime runtime, CancellationToken ct)
    {
        while (true)
        {
            var now = engine.Now;
            var claimed = await WorkflowStore.ClaimDueTimersAsync(runtime, now, now + options.Lease, Batch, ct);
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = ParallelResumes, CancellationToken = ct },
                async (timer, token) => await engine.ResumeAsync(runtime, timer.InstanceId, timer.Id, null, token));
            if (claimed.Count < Batch) return;
        }
    }
}
