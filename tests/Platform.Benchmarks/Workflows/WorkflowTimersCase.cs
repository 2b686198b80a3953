using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Workflows.Runtime;

namespace Platform.Benchmarks.Workflows;

/// <summary>
/// <c>--timers</c> (10,000) instances wait on a one-hour Delay. Then, with the host's own timer poller (default 1 s
/// interval), two measurements of the delay from a timer's due time to its firing (the journal's "resumed" entry):
/// (1) 100 of the pending timers are made due at one instant while the rest stay pending — the poller's cost with a
/// large table of pending timers; (2) all the remaining timers are made due at one instant — a burst, whose delay is
/// bounded by how fast instances resume. Due times are moved with one UPDATE (the set-up shortcut). Target: max delay
/// at most 5 s.
/// </summary>
public static class WorkflowTimersCase
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(5);
    private const int FewDue = 100;

    public static async Task RunAsync(WorkflowBench bench, BenchmarkSettings settings, Report report)
    {
        var provider = bench.Provider;
        var count = settings.Timers;
        using var tenant = await BenchWorkflowTenant.CreateAsync(bench.Host, "wftimers", bench.CrmCore, 0, BenchWorkflowDocs.Timer);
        var engine = bench.Host.Services.GetRequiredService<WorkflowEngine>();
        var stored = await WorkflowDefinitionStore.LatestPublishedAsync(tenant.Runtime, "later", CancellationToken.None)
                     ?? throw new InvalidOperationException("the timer flow was not published");
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            await Task.Yield();
            while (Interlocked.Increment(ref next) < count)
                await engine.StartAsync(tenant.Runtime, stored, new StartRequest(null, null, null, RecordActor.System, null), CancellationToken.None);
        }));
        Console.WriteLine($"  [{provider}] timers: {count:N0} instances waiting on a one-hour Delay, started in {clock.Elapsed.TotalSeconds:0.0} s");

        await MeasureAsync(tenant, report, provider, FewDue, count - FewDue, $"{FewDue} due of {count:N0} pending");
        await MeasureAsync(tenant, report, provider, count - FewDue, 0, $"{count - FewDue:N0} due at once");
    }

    private static async Task MeasureAsync(BenchWorkflowTenant tenant, Report report, string provider, int due, int stayPending, string label)
    {
        var finishedBefore = await BenchWorkflowSql.InstancesAsync(tenant.Runtime, "finished");
        var at = DateTime.UtcNow.AddSeconds(3);
        var moved = await BenchWorkflowSql.MakeTimersDueAtAsync(tenant.Runtime, at, DateTime.UtcNow.AddMinutes(10), stayPending == 0 ? null : due);
        if (moved != due) throw new InvalidOperationException($"{moved} timers made due, {due} expected");
        // The process's CPU time over the firing: less swayed by the other processes on a loaded machine than the delays.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (await BenchWorkflowSql.InstancesAsync(tenant.Runtime, "finished") < finishedBefore + due)
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException("the timers did not all fire in 10 minutes");
            await Task.Delay(20);
        }
        var allFinished = DateTime.UtcNow - at;
        var cpuPerTimer = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / due;
        var delays = (await BenchWorkflowSql.ResumedAtAsync(tenant.Runtime, at.AddSeconds(-1))).Select(t => (t - at).TotalSeconds).Order().ToList();
        if (delays.Count != due) throw new InvalidOperationException($"{delays.Count} timers fired, {due} expected (a timer fired twice or not at all)");
        double Quantile(double q) => delays[Math.Min(delays.Count - 1, Math.Max(0, (int)Math.Ceiling(q * delays.Count) - 1))];
        var detail = $"due-to-fired delay p50 {Quantile(0.5):0.00} s, p95 {Quantile(0.95):0.00} s, max {delays[^1]:0.00} s (target max <= {Target.TotalSeconds:0} s); " +
                     $"all {due:N0} finished {allFinished.TotalSeconds:0.0} s after the due time ({due / Math.Max(0.001, allFinished.TotalSeconds):N0}/s), {stayPending:N0} still pending; " +
                     $"process CPU {cpuPerTimer:0.00} ms per fired timer; {LoadAverage.Now}";
        Console.WriteLine($"     {label}: {detail}");
        report.Add(new Finding(provider, $"timers, {label}", detail, delays[^1] <= Target.TotalSeconds));
    }
}
