using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Api.Tests.Support;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>The host's first start on empty storage, as `dotnet run --project platform/Platform.Host` does it (SQLite), and on PostgreSQL.</summary>
public sealed class DemoTenantStartupTests
{
    private static readonly string[] Entities = ["account", "activity", "contact", "lead", "opportunity", "task"];

    [Fact]
    public async Task The_first_start_creates_tenant_demo_with_the_shipped_modules_and_sample_records_then_reports_healthy()
    {
        await using var storage = await TestStorage.CreateAsync(TestProvider.Sqlite);
        await FirstStartAndRestartAsync(storage.Settings);
        Assert.True(File.Exists(Path.Combine(storage.DataDirectory, "tenants", "demo.db")), "The demo tenant is not in the data directory.");
    }

    [Fact]
    public async Task The_first_start_on_postgresql_creates_tenant_demo_the_same_way()
    {
        await using var storage = await TestStorage.CreateAsync(TestProvider.Postgres);
        await FirstStartAndRestartAsync(storage.Settings);
    }

    private static async Task FirstStartAndRestartAsync(IReadOnlyDictionary<string, string> settings)
    {
        Dictionary<string, long> counts;
        await using (var host = ApiHost.Start(settings, demo: true))
        {
            var client = PlatformTestHost.AuthenticatedClient(host);
            await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(120));

            var metadata = await ExpectAsync(await client.GetAsync("/api/demo/metadata/entities"), HttpStatusCode.OK);
            Assert.Equal(["crm-core", "sales"], metadata.GetProperty("modules").EnumerateArray().Select(m => m.Str("id")).Order(StringComparer.Ordinal));
            Assert.Equal(Entities, metadata.Values().Select(e => e.Str("name")));

            counts = await CountsAsync(client);
            Assert.All(counts, c => Assert.True(c.Value > 0, $"no {c.Key} records"));
            Assert.InRange(counts.Values.Sum(), 300, 1000);

            // The README's example request works on the sample data.
            var page = await ExpectAsync(await client.GetAsync("/api/demo/data/opportunity?$expand=account($select=name)&$count=true"), HttpStatusCode.OK);
            Assert.Equal(counts["opportunity"], page.GetProperty("@odata.count").GetInt64());
            Assert.All(page.Values(), o => Assert.False(string.IsNullOrEmpty(o.GetProperty("account").Str("name"))));
            await ExpectAsync(await client.GetAsync("/api/demo/openapi.json"), HttpStatusCode.OK);
            await AssertSampleRecordsBelongToAdminInRootAsync(host, client, counts);
            await AssertOpenTasksAreDueSoonNotOverdueAsync(client);
        }

        // A restart finds the tenant up to date and seeds nothing more.
        await using (var host = ApiHost.Start(settings, demo: true))
        {
            var client = PlatformTestHost.AuthenticatedClient(host);
            await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60));
            Assert.Equal(counts, await CountsAsync(client));
        }
    }

    /// <summary>The sample tasks are dated from the day of seeding: on the first day none is overdue and some are due this week.</summary>
    private static async Task AssertOpenTasksAreDueSoonNotOverdueAsync(HttpClient client)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");
        var week = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm:ssZ");
        async Task<long> CountAsync(string filter) => (await ExpectAsync(await client.GetAsync(
            $"/api/demo/data/task?$count=true&$top=0&$filter={Uri.EscapeDataString(filter)}"), HttpStatusCode.OK)).GetProperty("@odata.count").GetInt64();
        Assert.Equal(0, await CountAsync($"status eq 'open' and due_at lt {now}"));
        Assert.True(await CountAsync($"status eq 'open' and due_at lt {week}") > 0, "no open task is due in the coming week");
        Assert.True(await CountAsync($"status eq 'done' and due_at lt {now}") > 0, "no done task lies in the past");
    }

    /// <summary>
    /// The sample records are owned by the administrator in business unit root, so a sales-manager of root (a role
    /// without tenant scope) sees every one of them, as they would records their colleagues entered.
    /// </summary>
    private static async Task AssertSampleRecordsBelongToAdminInRootAsync(WebApplicationFactory<Program> host, HttpClient admin, Dictionary<string, long> counts)
    {
        var me = await ExpectAsync(await admin.GetAsync("/api/demo/auth/me"), HttpStatusCode.OK);
        Assert.Equal("root", me.Str("business_unit"));
        var account = (await ExpectAsync(await admin.GetAsync("/api/demo/data/account?$top=1"), HttpStatusCode.OK)).Values().Single();
        Assert.Equal(me.Str("id"), account.Str("owner"));
        Assert.Equal("root", account.Str("owning_business_unit"));

        await TenantUsers.CreateAsync(admin, "demo", "root-manager", ["sales-manager"], businessUnit: "root");
        using var manager = host.CreateClient();
        manager.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await TenantUsers.TokenAsync(manager, "demo", "root-manager", TenantUsers.Password));
        Assert.Equal(counts, await CountsAsync(manager));
    }

    private static async Task<Dictionary<string, long>> CountsAsync(HttpClient client)
    {
        var counts = new Dictionary<string, long>();
        foreach (var entity in Entities)
        {
            var page = await ExpectAsync(await client.GetAsync($"/api/demo/data/{entity}?$count=exact&$top=0"), HttpStatusCode.OK);
            counts[entity] = page.GetProperty("@odata.count").GetInt64();
        }
        return counts;
    }
}
