using Platform.Benchmarks.Data;
using Platform.Benchmarks.Hosting;
using Platform.Benchmarks.Load;

namespace Platform.Benchmarks.Cases;

/// <summary>
/// Target: with permissions on — a signed-in sales-manager of business unit "root", whose read scope becomes an
/// indexed owning_business_unit condition plus the shares subquery — get-by-id and the list page reach at least 0.9x
/// the requests/s of the same requests with permissions bypassed: the administrator, whose tenant scope adds no
/// condition (both sides pay the same sign-in and privilege lookup, so the ratio isolates the row-level filtering).
/// Every loaded row belongs to "root", so both sides answer with the same rows.
/// </summary>
public static class PermissionsCase
{
    public const double Target = 0.9;

    public static async Task RunAsync(BenchHost host, BenchTenant tenant, BenchmarkSettings settings, Report report, string provider)
    {
        using var bypassed = new HttpLoad(host.BaseAddress, settings.Concurrency);
        host.Authorize(bypassed.Client);
        using var scoped = new HttpLoad(host.BaseAddress, settings.Concurrency);
        var token = await host.SignInUserAsync(tenant.Id, "bu-manager", ["sales-manager"], "root");
        scoped.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var ids = tenant.Opportunities;
        var list = $"api/{tenant.Id}/data/opportunity?$filter=" + Uri.EscapeDataString($"stage eq '{RowFactory.ListStage}' and amount gt {RowFactory.ListMinAmount}") +
                   "&$orderby=" + Uri.EscapeDataString("close_date desc") + "&$top=50";
        await CheckSameAsync(scoped.Client, bypassed.Client, $"api/{tenant.Id}/data/opportunity/{ids[0]}");
        await CheckSameAsync(scoped.Client, bypassed.Client, list);

        Console.WriteLine($"  [{provider}] permissions get-by-id: business-unit user vs bypassed");
        var (on, off) = await CompareAsync(scoped, bypassed, settings, r => $"api/{tenant.Id}/data/opportunity/{ids[r.Next(ids.Count)]}");
        report.Add(new Comparison(provider, "permissions get-by-id", "req/s", on, off, Target));

        Console.WriteLine($"  [{provider}] permissions list page: business-unit user vs bypassed");
        (on, off) = await CompareAsync(scoped, bypassed, settings, _ => list);
        report.Add(new Comparison(provider, "permissions list page of 50", "req/s", on, off, Target));
    }

    private static async Task<(double On, double Off)> CompareAsync(HttpLoad on, HttpLoad off, BenchmarkSettings settings, Func<Random, string> url)
    {
        var (a, b) = await AlternatingRounds.RunAsync(settings, d => on.RunAsync(url, d), d => off.RunAsync(url, d));
        Console.WriteLine($"     permissions on:  {a.Ok:N0} requests = {a.PerSecond:N0} req/s ({a.PerRequest})");
        Console.WriteLine($"     bypassed:        {b.Ok:N0} requests = {b.PerSecond:N0} req/s ({b.PerRequest})");
        return (a.PerSecond, b.PerSecond);
    }

    private static async Task CheckSameAsync(HttpClient on, HttpClient off, string url)
    {
        var a = await on.GetStringAsync(url);
        var b = await off.GetStringAsync(url);
        if (a != b) throw new InvalidOperationException($"the business-unit user and the bypass see different answers for {url}");
    }
}
