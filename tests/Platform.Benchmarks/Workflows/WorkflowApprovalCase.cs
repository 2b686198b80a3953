using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Platform.Benchmarks.Load;

namespace Platform.Benchmarks.Workflows;

/// <summary>
/// Instances of a five-activity flow whose third activity is an approval, each started through the start API
/// (answered once it waits), its task found in the administrator's inbox (GET /inbox) and decided through the API
/// (POST /approvals/{task}/decision), then run to the end. Per second, counting only instances that finished; the
/// same targets as the flow without waits (300/s on PostgreSQL, 150/s on SQLite).
/// </summary>
public static class WorkflowApprovalCase
{
    public static async Task RunAsync(WorkflowBench bench, BenchmarkSettings settings, Report report)
    {
        var provider = bench.Provider;
        using var tenant = await BenchWorkflowTenant.CreateAsync(bench.Host, "wfapprove", bench.CrmCore, 0, BenchWorkflowDocs.FiveStepsWithApproval);
        using var load = new HttpLoad(bench.Host.BaseAddress, settings.Concurrency);
        load.Client.DefaultRequestHeaders.Authorization = tenant.Client.DefaultRequestHeaders.Authorization;
        Console.WriteLine($"  [{provider}] five-step flow with one approval: start API, inbox, decision API; {settings.Concurrency} concurrent");
        await RunAsync(load.Client, tenant.Id, settings.Concurrency, TimeSpan.FromSeconds(settings.WarmupSeconds));
        var (count, elapsed) = await RunAsync(load.Client, tenant.Id, settings.Concurrency, TimeSpan.FromSeconds(settings.DurationSeconds));
        var total = await BenchWorkflowSql.InstancesAsync(tenant.Runtime);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await BenchWorkflowSql.InstancesAsync(tenant.Runtime, "finished") is var finished && finished != total)
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"{total - finished} of {total} approval instances did not finish");
            await Task.Delay(50);
        }
        var perSecond = count / elapsed.TotalSeconds;
        Console.WriteLine($"     {count:N0} instances started, approved and finished in {elapsed.TotalSeconds:0.0} s = {perSecond:N0}/s; all {total:N0} finished");
        var target = WorkflowInstancesCase.TargetFor(provider);
        report.Add(new Finding(provider, "5-step + approval/s", $"{perSecond:N0}/s started, approved through the API and finished (target >= {target:N0}/s; {LoadAverage.Now})", perSecond >= target));
    }

    private static async Task<(long Count, TimeSpan Elapsed)> RunAsync(HttpClient client, string tenant, int workers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            await Task.Yield();
            long done = 0;
            while (clock.Elapsed < duration)
            {
                var started = await PostAsync(client, $"api/{tenant}/workflows/five-approved/start", "{}");
                var instance = started.GetProperty("id").GetString();
                if (started.GetProperty("status").GetString() != "suspended") throw new InvalidOperationException($"the instance did not wait: {started}");
                var task = await TaskOfAsync(client, tenant, instance!);
                await PostAsync(client, $"api/{tenant}/approvals/{task}/decision", """{ "outcome": "approve" }""");
                done++;
            }
            return done;
        }));
        return (counts.Sum(), clock.Elapsed);
    }

    private static async Task<string> TaskOfAsync(HttpClient client, string tenant, string instance)
    {
        using var response = await client.GetAsync($"api/{tenant}/inbox");
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET inbox answered {(int)response.StatusCode}: {text}");
        foreach (var item in JsonDocument.Parse(text).RootElement.GetProperty("value").EnumerateArray())
            if (item.GetProperty("kind").GetString() == "approval" && item.GetProperty("instanceId").GetString() == instance) return item.GetProperty("id").GetString()!;
        throw new InvalidOperationException($"no approval task of instance {instance} in the inbox");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text[..Math.Min(500, text.Length)]}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
