using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Platform.Benchmarks.Load;
using Platform.Records;
using Platform.Workflows.Runtime;

namespace Platform.Benchmarks.Workflows;

/// <summary>
/// Instances of a five-activity flow with no waits, started and run to the end per second. "Started" is measured two
/// ways, both counting only instances that finished: through the manual start API (POST /workflows/five/start, which
/// answers 201 once the instance ended — authentication, HTTP and the instance read-back included: the figure the
/// target applies to) and through the engine service in-process (<see cref="WorkflowEngine.StartAsync"/>, as a
/// trigger starts one). Targets: 300/s on PostgreSQL, 150/s on SQLite.
/// </summary>
public static class WorkflowInstancesCase
{
    public static double TargetFor(string provider) => provider == "postgres" ? 300 : 150;

    public static async Task RunAsync(WorkflowBench bench, BenchmarkSettings settings, Report report)
    {
        var provider = bench.Provider;
        using var tenant = await BenchWorkflowTenant.CreateAsync(bench.Host, "wffive", bench.CrmCore, 0, BenchWorkflowDocs.FiveSteps);
        var engine = bench.Host.Services.GetRequiredService<WorkflowEngine>();
        var stored = await WorkflowDefinitionStore.LatestPublishedAsync(tenant.Runtime, "five", CancellationToken.None)
                     ?? throw new InvalidOperationException("the five-step flow was not published");
        using var load = new HttpLoad(bench.Host.BaseAddress, settings.Concurrency);
        load.Client.DefaultRequestHeaders.Authorization = tenant.Client.DefaultRequestHeaders.Authorization;
        Console.WriteLine($"  [{provider}] five-step flow (5 x SetVariable, no waits): POST /api/{tenant.Id}/workflows/five/start vs WorkflowEngine.StartAsync, {settings.Concurrency} concurrent");

        Func<TimeSpan, Task<LoadResult>> api = d => load.RunAsync(_ => Start(tenant.Id), HttpStatusCode.Created, d);
        Func<TimeSpan, Task<LoadResult>> direct = d => EngineLoadAsync(engine, tenant, stored, settings.Concurrency, d);
        var (viaApi, viaEngine) = await AlternatingRounds.RunAsync(settings, api, direct);
        var total = await BenchWorkflowSql.InstancesAsync(tenant.Runtime);
        var finished = await BenchWorkflowSql.InstancesAsync(tenant.Runtime, "finished");
        if (finished != total) throw new InvalidOperationException($"{total - finished} of {total} instances did not finish");
        Console.WriteLine($"     API:    {viaApi.Ok:N0} instances in {viaApi.Elapsed.TotalSeconds:0.0} s = {viaApi.PerSecond:N0}/s ({viaApi.PerRequest})");
        Console.WriteLine($"     engine: {viaEngine.Ok:N0} instances in {viaEngine.Elapsed.TotalSeconds:0.0} s = {viaEngine.PerSecond:N0}/s ({viaEngine.PerRequest}); all {total:N0} finished");
        var target = TargetFor(provider);
        report.Add(new Finding(provider, "5-step instances/s",
            $"{viaApi.PerSecond:N0}/s through the start API, {viaEngine.PerSecond:N0}/s through the engine (target >= {target:N0}/s through the API; {LoadAverage.Now})", viaApi.PerSecond >= target));
    }

    private static HttpRequestMessage Start(string tenant) =>
        new(HttpMethod.Post, $"api/{tenant}/workflows/five/start") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

    /// <summary>Workers start instances through the engine for <paramref name="duration"/> (each call returns once its instance ended).</summary>
    private static async Task<LoadResult> EngineLoadAsync(WorkflowEngine engine, BenchWorkflowTenant tenant, StoredWorkflow stored, int workers, TimeSpan duration)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            await Task.Yield();
            long started = 0;
            while (clock.Elapsed < duration)
            {
                await engine.StartAsync(tenant.Runtime, stored, new StartRequest(null, null, null, RecordActor.System, null), CancellationToken.None);
                started++;
            }
            return started;
        }));
        return new LoadResult(counts.Sum(), 0, clock.Elapsed, null)
        {
            ProcessCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu,
            AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated,
        };
    }
}
