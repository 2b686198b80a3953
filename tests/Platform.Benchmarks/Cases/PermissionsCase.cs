using System.Text.Json;
using Platform.Benchmarks.Data;
using Platform.Benchmarks.Hosting;
using Platform.Benchmarks.Load;
using Platform.Metadata.Definitions;

namespace Platform.Benchmarks.Cases;

/// <summary>
/// Target: with permissions on, get-by-id and the list page reach at least 0.9x the requests/s of the same requests with
/// the permission checks bypassed. The user is a sales-manager of one of twelve business units over which the rows
/// are spread, so the read scope (an owning_business_unit condition plus the shares subquery) keeps about a twelfth of
/// the table: the list has to look past the other units' rows to fill its page. The bypassed side is the same user's
/// token on the same endpoint (<see cref="PermissionBypass"/>): same authentication and tenant checks, no permission
/// checks — not the administrator, whose privilege lookup is still a permission check.
/// </summary>
public static class PermissionsCase
{
    public const double Target = 0.9;

    public static async Task RunAsync(BenchHost host, BenchTenant tenant, BenchmarkSettings settings, Report report, string provider)
    {
        var token = await host.SignInUserAsync(tenant.Id, "unit-manager", ["sales-manager"], BenchBusinessUnits.Scoped);
        using var scoped = new HttpLoad(host.BaseAddress, settings.Concurrency);
        using var bypassed = new HttpLoad(host.BaseAddress, settings.Concurrency);
        foreach (var load in new[] { scoped, bypassed })
            load.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var ids = tenant.ScopedOpportunities;
        var api = $"api/{tenant.Id}/data/opportunity";
        var bypass = PermissionBypass.Prefix.TrimStart('/') + "/" + api;
        var list = "?$filter=" + Uri.EscapeDataString($"stage eq '{RowFactory.ListStage}' and amount gt {RowFactory.ListMinAmount}") +
                   "&$orderby=" + Uri.EscapeDataString("close_date desc") + "&$top=50";
        await CheckSameRecordAsync(scoped.Client, $"{api}/{ids[0]}", $"{bypass}/{ids[0]}");
        await CheckSelectivityAsync(scoped.Client, api + list, bypass + list);
        await PermissionsStatements.PrintAsync(host, tenant, "opportunity", list);

        Console.WriteLine($"  [{provider}] permissions get-by-id: user of {BenchBusinessUnits.Scoped} (1 of {BenchBusinessUnits.Count} units) vs checks bypassed");
        var (on, off) = await CompareAsync(scoped, bypassed, settings, r => $"{api}/{ids[r.Next(ids.Count)]}", r => $"{bypass}/{ids[r.Next(ids.Count)]}");
        report.Add(new Comparison(provider, "permissions get-by-id", "req/s", on, off, Target));

        Console.WriteLine($"  [{provider}] permissions list page: user of {BenchBusinessUnits.Scoped} vs checks bypassed");
        (on, off) = await CompareAsync(scoped, bypassed, settings, _ => api + list, _ => bypass + list);
        report.Add(new Comparison(provider, "permissions list page of 50", "req/s", on, off, Target));
    }

    private static async Task<(double On, double Off)> CompareAsync(HttpLoad on, HttpLoad off, BenchmarkSettings settings, Func<Random, string> onUrl, Func<Random, string> offUrl)
    {
        var (a, b) = await AlternatingRounds.RunAsync(settings, d => on.RunAsync(onUrl, d), d => off.RunAsync(offUrl, d));
        Console.WriteLine($"     permissions on:  {a.Ok:N0} requests = {a.PerSecond:N0} req/s ({a.PerRequest})");
        Console.WriteLine($"     bypassed:        {b.Ok:N0} requests = {b.PerSecond:N0} req/s ({b.PerRequest})");
        return (a.PerSecond, b.PerSecond);
    }

    /// <summary>A record of the user's unit reads the same on both sides.</summary>
    private static async Task CheckSameRecordAsync(HttpClient client, string on, string off)
    {
        var a = await client.GetStringAsync(on);
        var b = await client.GetStringAsync(off);
        if (a != b) throw new InvalidOperationException($"the user and the bypass read different records at {on}");
    }

    /// <summary>The scope really filters: the user's page holds only their unit's rows, the bypassed page several units'.</summary>
    private static async Task CheckSelectivityAsync(HttpClient client, string on, string off)
    {
        var mine = await UnitsAsync(client, on);
        var all = await UnitsAsync(client, off);
        if (mine.Count != 50 || mine.Any(u => u != BenchBusinessUnits.Scoped))
            throw new InvalidOperationException($"the user's page should be 50 rows of {BenchBusinessUnits.Scoped}: {string.Join(", ", mine.Distinct())}");
        if (all.Count != 50 || all.Distinct().Count() < 2)
            throw new InvalidOperationException("the bypassed page should be 50 rows of several units");
        Console.WriteLine($"     list page: the user's 50 rows are all {BenchBusinessUnits.Scoped}; the bypassed page spans {all.Distinct().Count()} units");
    }

    private static async Task<List<string>> UnitsAsync(HttpClient client, string url)
    {
        using var page = JsonDocument.Parse(await client.GetStringAsync(url));
        return page.RootElement.GetProperty("value").EnumerateArray()
            .Select(r => r.GetProperty(SystemFields.OwningBusinessUnit).GetString()!).ToList();
    }
}
