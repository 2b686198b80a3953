using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Workflows.Runtime;

namespace Platform.Benchmarks.Workflows;

/// <summary>
/// <c>--timers</c> (10,000) instances wait on a one-hour Delay; then every timer's due time is moved to one instant a
/// few seconds ahead (one UPDATE: the set-up shortcut), and the host's own timer poller (default 1 s interval) fires
/// them. Reported: the delay from the due time to each timer's firing (its journal's "resumed" entry) — p50, p95 and
/// max — and when the last instance finished. Target: max delay at most 5 s.
/// </summary>
public static class WorkflowTimersCase
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

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
        Console.WriteLine($"  [{provider}] timers: {count:N0} instances waiting on a Delay, started in {clock.Elapsed.TotalSeconds:0.0} s");

        var due = DateTime.UtcNow.AddSeconds(3);
        var moved = await BenchWorkflowSql.MakeAllTimersDueAtAsync(tenant.Runtime, due);
        if (moved != count) throw new InvalidOperationException($"{moved} timers pending, {count} expected");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (await BenchWorkflowSql.InstancesAsync(tenant.Runtime, "finished") < count)
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException("the timers did not all fire in 10 minutes");
            await Task.Delay(50);
        }
        var allFinished = DateTime.UtcNow - due;
        var delays = (await BenchWorkflowSql.ResumedAtAsync(tenant.Runtime)).Select(at => (at - due).TotalSeconds).Order().ToList();
        if (delays.Count != count) throw new InvalidOperationException($"{delays.Count} timers fired, {count} expected (a timer fired twice or not at all)");
        double At(double q) => delays[Math.Min(delays.Count - 1, (int)Math.Ceiling(q * delays.Count) - 1)];
        var max = delays[^1];
        Console.WriteLine($"     due-to-fired delay: p50 {At(0.5):0.00} s, p95 {At(0.95):0.00} s, max {max:0.00} s; all {count:N0} finished {allFinished.TotalSeconds:0.0} s after the due time");
        report.Add(new Finding(provider, $"{count:N0} timers due at once",
            $"due-to-fired delay p50 {At(0.5):0.00} s, p95 {At(0.95):0.00} s, max {max:0.00} s (target max <= {Target.TotalSeconds:0} s); all finished after {allFinished.TotalSeconds:0.0} s",
            max <= Target.TotalSeconds));
    }
}
