using System.Text.Json;
using Platform.Benchmarks.Data;
using Platform.Benchmarks.Hosting;
using Platform.Benchmarks.Load;

namespace Platform.Benchmarks.Cases;

/// <summary>
/// Target 1: the generated API's get-by-id and a filtered, sorted page of 50 reach at least 0.7x the requests/s of
/// the hand-written endpoints, measured in the same run against the same table.
/// </summary>
public static class ApiCases
{
    public const double Target = 0.7;

    public static async Task RunAsync(BenchHost host, BenchTenant tenant, BenchmarkSettings settings, Report report, string provider)
    {
        using var load = new HttpLoad(host.BaseAddress, settings.Concurrency);
        host.Authorize(load.Client);
        var ids = tenant.Opportunities;
        var listQuery = "$filter=" + Uri.EscapeDataString($"stage eq '{RowFactory.ListStage}' and amount gt {RowFactory.ListMinAmount}") +
                        "&$orderby=" + Uri.EscapeDataString("close_date desc") + "&$top=50";
        var platformList = $"api/{tenant.Id}/data/opportunity?{listQuery}";
        var baselineList = $"{BaselineEndpoints.ListPath.TrimStart('/')}?stage={RowFactory.ListStage}&minAmount={RowFactory.ListMinAmount}";
        await CheckSameRowsAsync(load.Client, $"api/{tenant.Id}/data/opportunity/{ids[0]}", $"{BaselineEndpoints.GetPath.TrimStart('/')}{ids[0]}", platformList, baselineList);

        Console.WriteLine($"  [{provider}] get-by-id: GET /api/{tenant.Id}/data/opportunity/{{id}} vs GET {BaselineEndpoints.GetPath}{{id}}, random ids of {ids.Count:N0}");
        var (platform, baseline) = await CompareAsync(load, settings,
            r => $"api/{tenant.Id}/data/opportunity/{ids[r.Next(ids.Count)]}",
            r => $"{BaselineEndpoints.GetPath.TrimStart('/')}{ids[r.Next(ids.Count)]}");
        report.Add(new Comparison(provider, "api get-by-id", "req/s", platform, baseline, Target));

        Console.WriteLine($"  [{provider}] list page: GET /api/{tenant.Id}/data/opportunity?{Uri.UnescapeDataString(listQuery)} vs GET /{baselineList}");
        (platform, baseline) = await CompareAsync(load, settings, _ => platformList, _ => baselineList);
        report.Add(new Comparison(provider, "api list page of 50", "req/s", platform, baseline, Target));
    }

    private static async Task<(double Platform, double Baseline)> CompareAsync(
        HttpLoad load, BenchmarkSettings settings, Func<Random, string> platformUrl, Func<Random, string> baselineUrl)
    {
        var (platform, baseline) = await AlternatingRounds.RunAsync(settings, d => load.RunAsync(platformUrl, d), d => load.RunAsync(baselineUrl, d));
        Console.WriteLine($"     platform: {platform.Ok:N0} requests in {platform.Elapsed.TotalSeconds:0.0} s = {platform.PerSecond:N0} req/s ({platform.PerRequest})");
        Console.WriteLine($"     baseline: {baseline.Ok:N0} requests in {baseline.Elapsed.TotalSeconds:0.0} s = {baseline.PerSecond:N0} req/s ({baseline.PerRequest})");
        return (platform.PerSecond, baseline.PerSecond);
    }

    /// <summary>Both sides must answer with the same record and the same page (same ids in the same order).</summary>
    private static async Task CheckSameRowsAsync(HttpClient client, string platformGet, string baselineGet, string platformList, string baselineList)
    {
        using var a = JsonDocument.Parse(await client.GetStringAsync(platformGet));
        using var b = JsonDocument.Parse(await client.GetStringAsync(baselineGet));
        foreach (var field in new[] { "id", "name", "account", "number", "contact_email", "close_date" })
            if (a.RootElement.GetProperty(field).ToString() != b.RootElement.GetProperty(field).ToString())
                throw new InvalidOperationException($"get-by-id answers differ in '{field}': {a.RootElement} vs {b.RootElement}");
        if (a.RootElement.GetProperty("amount").GetDecimal() != b.RootElement.GetProperty("amount").GetDecimal())
            throw new InvalidOperationException("get-by-id answers differ in 'amount'");

        using var pa = JsonDocument.Parse(await client.GetStringAsync(platformList));
        using var pb = JsonDocument.Parse(await client.GetStringAsync(baselineList));
        var idsA = pa.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var idsB = pb.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        if (idsA.Count != 50 || !idsA.SequenceEqual(idsB))
            throw new InvalidOperationException($"the list pages differ: {idsA.Count} vs {idsB.Count} rows, same order: {idsA.SequenceEqual(idsB)}");
    }
}
