using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Platform.Benchmarks.Data;
using Platform.Benchmarks.Hosting;

namespace Platform.Benchmarks.Cases;

/// <summary>
/// Target 2: POST /api/{t}/data/opportunity/bulk with batches of 1,000 reaches at least 0.5x the rows/s of the
/// provider's raw batched insert of the same kind of rows (same columns, one transaction per 1,000 rows).
/// Batches alternate between the two sides; one batch each warms up first.
/// </summary>
public static class BulkCase
{
    public const double Target = 0.5;
    public const int BatchSize = 1_000;

    public static async Task RunAsync(BenchHost host, BenchTenant tenant, BenchmarkSettings settings, Report report, string provider)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var inserter = new RawInserter(tenant.Database, tenant.Table("opportunity"));
        var path = $"api/{tenant.Id}/data/opportunity/bulk";
        Console.WriteLine($"  [{provider}] bulk create: POST /{path} ({BatchSize:N0} records per request) vs {inserter.Description} in a transaction");

        TimeSpan api = TimeSpan.Zero, raw = TimeSpan.Zero;
        for (var batch = -1; batch < settings.BulkBatches; batch++)
        {
            // Bodies and stored values are prepared before the clock starts, for both sides.
            var body = ApiBody(tenant);
            var rows = Enumerable.Range(0, BatchSize).Select(_ => inserter.ToDb(tenant.Rows.Opportunity(tenant.Accounts, DateTime.UtcNow))).ToList();
            TimeSpan apiTime, rawTime;
            if (batch % 2 == 0)
            {
                apiTime = await TimeAsync(() => PostAsync(client, path, body));
                rawTime = await TimeAsync(() => inserter.InsertAsync(rows));
            }
            else
            {
                rawTime = await TimeAsync(() => inserter.InsertAsync(rows));
                apiTime = await TimeAsync(() => PostAsync(client, path, body));
            }
            if (batch < 0) continue;
            api += apiTime;
            raw += rawTime;
        }
        var rowsPerSide = (double)settings.BulkBatches * BatchSize;
        Console.WriteLine($"     platform: {rowsPerSide:N0} rows in {api.TotalSeconds:0.00} s; raw: {rowsPerSide:N0} rows in {raw.TotalSeconds:0.00} s");
        report.Add(new Comparison(provider, "bulk create 1,000/req", "rows/s", rowsPerSide / api.TotalSeconds, rowsPerSide / raw.TotalSeconds, Target));
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

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }
}
