using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Platform.Benchmarks.Load;

namespace Platform.Benchmarks.Workflows;

/// <summary>
/// Update throughput (PATCH of an account's employees through the API) on three tenants of one host: no workflows
/// (baseline), a recordUpdated trigger whose condition is false, and a recordUpdated trigger that starts a two-step
/// flow. Each side's time runs until its tenant's outbox is drained — every event delivered and, on the flow side,
/// every instance finished — so the workflows' cost is counted, not left as a backlog. Target: each side with
/// workflows at least 0.8x the baseline's updates/s.
/// </summary>
public static class WorkflowTriggersCase
{
    public const double Target = 0.8;
    private const int Accounts = 1_000;

    public static async Task RunAsync(WorkflowBench bench, BenchmarkSettings settings, Report report)
    {
        var provider = bench.Provider;
        using var none = await BenchWorkflowTenant.CreateAsync(bench.Host, "wfnone", bench.CrmCore, Accounts);
        using var never = await BenchWorkflowTenant.CreateAsync(bench.Host, "wfnever", bench.CrmCore, Accounts, BenchWorkflowDocs.FalseCondition);
        using var touch = await BenchWorkflowTenant.CreateAsync(bench.Host, "wftouch", bench.CrmCore, Accounts, BenchWorkflowDocs.ShortFlow);
        BenchWorkflowTenant[] sides = [none, never, touch];
        var loads = sides.Select(side => (Side: side, Load: new HttpLoad(bench.Host.BaseAddress, settings.Concurrency))).ToList();
        foreach (var (side, load) in loads) load.Client.DefaultRequestHeaders.Authorization = side.Client.DefaultRequestHeaders.Authorization;
        Console.WriteLine($"  [{provider}] update: PATCH /api/<tenant>/data/account/{{id}} (employees) on {Accounts:N0} accounts; no workflows vs a false recordUpdated condition vs a two-step flow per update");
        try
        {
            var warmup = TimeSpan.FromSeconds(settings.WarmupSeconds);
            var warmupUpdates = new long[sides.Length];
            for (var i = 0; i < sides.Length; i++) warmupUpdates[i] = (await MeasureAsync(loads[i].Side, loads[i].Load, warmup)).Updates;
            var totals = new Measured[sides.Length];
            var segment = TimeSpan.FromSeconds(settings.DurationSeconds / settings.Rounds);
            for (var round = 0; round < settings.Rounds; round++)
            {
                // Rotating order (0 1 2, 2 1 0, ...), so drift affects every side alike.
                var order = round % 2 == 0 ? new[] { 0, 1, 2 } : [2, 1, 0];
                foreach (var i in order) totals[i] = totals[i].Plus(await MeasureAsync(loads[i].Side, loads[i].Load, segment));
            }
            var started = await BenchWorkflowSql.InstancesAsync(touch.Runtime);
            var finished = await BenchWorkflowSql.InstancesAsync(touch.Runtime, "finished");
            var updates = warmupUpdates[2] + totals[2].Updates;
            Console.WriteLine($"     no workflows:    {Describe(totals[0])}");
            Console.WriteLine($"     false condition: {Describe(totals[1])}");
            Console.WriteLine($"     two-step flow:   {Describe(totals[2])}; {started:N0} instances started, {finished:N0} finished, for {updates:N0} updates (warm-up included)");
            // An update that sets the value the record already had changes nothing and starts nothing: rare with random values.
            if (started < updates * 0.99 || started > updates || finished != started)
                throw new InvalidOperationException($"the flow tenant has {started} instances ({finished} finished) for {updates} updates");
            Console.WriteLine($"     ({LoadAverage.Now})");
            report.Add(new Comparison(provider, "update, false trigger", "upd/s", totals[1].PerSecond, totals[0].PerSecond, Target));
            report.Add(new Comparison(provider, "update, 2-step flow", "upd/s", totals[2].PerSecond, totals[0].PerSecond, Target));
        }
        finally
        {
            foreach (var (_, load) in loads) load.Dispose();
        }
    }

    private static string Describe(Measured m) =>
        $"{m.Updates:N0} updates in {m.Load.TotalSeconds:0.0} s + {m.Drain.TotalSeconds:0.0} s until delivered = {m.PerSecond:N0} upd/s";

    /// <summary>Updates for <paramref name="duration"/>, then waits until the tenant's outbox is drained.</summary>
    private static async Task<Measured> MeasureAsync(BenchWorkflowTenant side, HttpLoad load, TimeSpan duration)
    {
        var result = await load.RunAsync(r => Update(side, r), HttpStatusCode.OK, duration);
        if (result.Failed > 0) throw new InvalidOperationException($"{result.Failed} updates failed, e.g. {result.FirstFailure}");
        var drain = Stopwatch.StartNew();
        while (await BenchWorkflowSql.PendingEventsAsync(side.Runtime) > 0)
        {
            if (drain.Elapsed > TimeSpan.FromMinutes(5)) throw new InvalidOperationException($"tenant {side.Id}: the outbox did not drain in 5 minutes");
            await Task.Delay(20);
        }
        return new Measured(result.Ok, result.Elapsed, drain.Elapsed);
    }

    private static HttpRequestMessage Update(BenchWorkflowTenant side, Random random) =>
        new(HttpMethod.Patch, $"api/{side.Id}/data/account/{side.Accounts[random.Next(side.Accounts.Count)]}")
        {
            Content = JsonContent.Create(new { employees = random.Next(1, 1_000_000) }),
        };

    private readonly record struct Measured(long Updates, TimeSpan Load, TimeSpan Drain)
    {
        public double PerSecond => Load + Drain == TimeSpan.Zero ? 0 : Updates / (Load + Drain).TotalSeconds;

        public Measured Plus(Measured other) => new(Updates + other.Updates, Load + other.Load, Drain + other.Drain);
    }
}
