using Microsoft.Extensions.Hosting;
using Platform.Runtime;
using Platform.Runtime.Polling;
using Platform.Storage.Providers;
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
    /// <summary>Timers fired per transaction (<see cref="WorkflowEngine.ResumeTimersAsync"/>): a burst costs one commit per batch.</summary>
    private const int ResumeBatch = 100;

    /// <summary>
    /// Timers taken and fired per transaction on a single-writer database (<see cref="WorkflowEngine.FireDueTimersAsync"/>):
    /// there a burst is bound by the commits (each fsyncs the WAL and writes the journal index pages the batch dirtied),
    /// so fewer, larger batches fire it faster; 500 rows stay far below SQLite's parameter limit in every statement.
    /// </summary>
    public const int SingleWriterBatch = 500;

    /// <summary>
    /// Batches run at once: SQLite has one writer, so only batching helps there; PostgreSQL overlaps a few batches'
    /// round trips (they lease disjoint instances, a timer's instance being in one batch only).
    /// </summary>
    private static int ParallelBatches(TenantRuntime runtime) => runtime.Store.Database.Provider == DatabaseProvider.Postgres ? 4 : 1;

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

    /// <summary>
    /// Claims due timers (each claim leases them to this host), as many per statement as the batches run at once fire,
    /// and fires them; a full claim is followed by the next at once, so a backlog drains in one pass. On a
    /// single-writer database the claim is the first statement of the batch that fires them instead.
    /// </summary>
    private async Task FireDueTimersAsync(TenantRuntime runtime, CancellationToken ct)
    {
        if (runtime.Store.Database.Dialect.SingleWriter)
        {
            // One writer: each batch takes its timers in its own transaction, one commit per batch. A full batch is
            // followed by the next at once, unless it fired nothing (every instance busy: those wait for the next poll).
            while (await engine.FireDueTimersAsync(runtime, engine.Now, SingleWriterBatch, ct) is { Taken: SingleWriterBatch, Fired: > 0 }) { }
            return;
        }
        var parallel = ParallelBatches(runtime);
        var claim = ResumeBatch * parallel;
        while (true)
        {
            var now = engine.Now;
            var claimed = await WorkflowStore.ClaimDueTimersAsync(runtime, now, now + options.Lease, claim, ct);
            await Parallel.ForEachAsync(Batches(claimed), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
                async (batch, token) => await engine.ResumeTimersAsync(runtime, batch, token));
            if (claimed.Count < claim) return;
        }
    }

    /// <summary>Claimed timers in batches of about <see cref="ResumeBatch"/>; an instance's timers go to one batch, so batches running at once never wait on each other's instances.</summary>
    private static List<List<BookmarkRow>> Batches(IReadOnlyList<BookmarkRow> claimed)
    {
        var count = Math.Max(1, (claimed.Count + ResumeBatch - 1) / ResumeBatch);
        var batches = Enumerable.Range(0, count).Select(_ => new List<BookmarkRow>()).ToList();
        var n = 0;
        foreach (var instance in claimed.GroupBy(t => t.InstanceId)) batches[n++ % count].AddRange(instance);
        return batches.Where(b => b.Count > 0).ToList();
    }
}
