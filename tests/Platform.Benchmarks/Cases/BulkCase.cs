using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Platform.Benchmarks.Data;
using Platform.Benchmarks.Hosting;

namespace Platform.Benchmarks.Cases;

/// <summary>
/// Target 2: POST /api/{t}/data/opportunity/bulk with batches of 1,000 reaches at least 0.5x the rows/s of the
/// provider's raw batched insert of the same kind of rows (same columns, one transaction per 1,000 rows).
/// Batches alternate between the two sides, after a warm-up of --warmup seconds.
/// </summary>
public static class BulkCase
{
    public const double Target = 0.5;
    public const int BatchSize = 1_000;

    public static async Task RunAsync(BenchHost host, BenchTenant tenant, BenchmarkSettings settings, Report report, string provider)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        host.Authorize(client);
        var inserter = new RawInserter(tenant.Database, tenant.Table("opportunity"));
        var path = $"api/{tenant.Id}/data/opportunity/bulk";
        Console.WriteLine($"  [{provider}] bulk create: POST /{path} ({BatchSize:N0} records per request) vs {inserter.Description} in a transaction");

        // Warm-up: a batch endpoint is called rarely, so tiered JIT needs many batches before its loops run optimised.
        var warmup = Stopwatch.StartNew();
        var warmupBatches = 0;
        while (warmupBatches < 2 || warmup.Elapsed.TotalSeconds < settings.WarmupSeconds)
            await RunBatchAsync(client, path, inserter, tenant, warmupBatches++);
        Console.WriteLine($"     warm-up: {warmupBatches} batches per side in {warmup.Elapsed.TotalSeconds:0.0} s");

        TimeSpan api = TimeSpan.Zero, raw = TimeSpan.Zero, apiCpu = TimeSpan.Zero, rawCpu = TimeSpan.Zero;
        using var probe = new BulkBatchProbe();
        for (var batch = 0; batch < settings.BulkBatches; batch++)
        {
            var (apiTime, rawTime) = await RunBatchAsync(client, path, inserter, tenant, batch, probe);
            api += apiTime.Wall;
            raw += rawTime.Wall;
            apiCpu += apiTime.Cpu;
            rawCpu += rawTime.Cpu;
        }
        var rowsPerSide = (double)settings.BulkBatches * BatchSize;
        Console.WriteLine($"     platform: {rowsPerSide:N0} rows in {api.TotalSeconds:0.00} s ({apiCpu.TotalMilliseconds / settings.BulkBatches:N0} ms in-process CPU per batch, client included)");
        Console.WriteLine($"     raw:      {rowsPerSide:N0} rows in {raw.TotalSeconds:0.00} s ({rawCpu.TotalMilliseconds / settings.BulkBatches:N0} ms in-process CPU per batch)");
        Console.WriteLine($"     platform per batch: {probe.AllocatedBytes / probe.Batches / 1e6:0.0} MB allocated (host and client), " +
                          $"{(double)probe.Collections / probe.Batches:0.0} gen0 collections, {(double)probe.Statements / probe.Batches:0.#} statements; the last batch's:");
        foreach (var line in probe.LastStatements()) Console.WriteLine($"       {line}");
        report.Add(new Comparison(provider, "bulk create 1,000/req", "rows/s", rowsPerSide / api.TotalSeconds, rowsPerSide / raw.TotalSeconds, Target));
    }

    /// <summary>One batch per side, in alternating order; the request body and typed rows are prepared off the clock.</summary>
    private static async Task<((TimeSpan Wall, TimeSpan Cpu) Api, (TimeSpan Wall, TimeSpan Cpu) Raw)> RunBatchAsync(
        HttpClient client, string path, RawInserter inserter, BenchTenant tenant, int batch, BulkBatchProbe? probe = null)
    {
        var body = ApiBody(tenant);
        var rows = Enumerable.Range(0, BatchSize).Select(_ => (IReadOnlyDictionary<string, object?>)tenant.Rows.Opportunity(tenant.Accounts, DateTime.UtcNow)).ToList();
        if (batch % 2 == 0)
        {
            var api = await PlatformAsync();
            return (api, await TimeAsync(() => inserter.InsertAsync(rows)));
        }
        var raw = await TimeAsync(() => inserter.InsertAsync(rows));
        return (await PlatformAsync(), raw);

        Task<(TimeSpan Wall, TimeSpan Cpu)> PlatformAsync() =>
            probe is null ? TimeAsync(() => PostAsync(client, path, body)) : probe.MeasureAsync(() => TimeAsync(() => PostAsync(client, path, body)));
    }

    private static byte[] ApiBody(BenchTenant tenant)
    {
        var records = Enumerable.Range(0, BatchSize).Select(_ => tenant.Rows.OpportunityFields(tenant.Accounts)).ToList();
        return JsonSerializer.SerializeToUtf8Bytes(new { mode = "create", records });
    }

    private static async Task PostAsync(HttpClient client, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"bulk create answered {(int)response.StatusCode}: {text[..Math.Min(500, text.Length)]}");
        using var json = JsonDocument.Parse(text);
        if (json.RootElement.GetProperty("created").GetInt32() != BatchSize) throw new InvalidOperationException($"bulk create did not create {BatchSize} records: {text[..200]}");
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeAsync(Func<Task> action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await action();
        return (clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }
}
