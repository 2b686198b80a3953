using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Support;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Dashboards for the web app: the modules' documents, bounded by what the reader may read and by the tenant.</summary>
public abstract partial class ApiTests
{
    private static string DashboardsModule => Path.Combine(RepositoryPaths.Root, "tests", "Platform.Api.Tests", "Modules", "dashboards");

    [Fact]
    public async Task The_shipped_sales_overview_is_listed_and_served_with_every_chart_for_an_administrator()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var list = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/dashboards"), HttpStatusCode.OK)).Values();
        var overview = Assert.Single(list);
        Assert.Equal(("sales-overview", "销售概览", 7), (overview.Str("id"), overview.GetProperty("label").Str("zh-CN"), overview.GetProperty("charts").GetInt32()));

        var dashboard = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/dashboards/sales-overview"), HttpStatusCode.OK);
        var charts = dashboard.GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(["open-pipeline", "won-total", "opportunity-count", "pipeline-by-stage", "opportunities-by-stage", "won-by-month", "activities-by-owner"], charts.Select(c => c.Str("id")));
        var wonByMonth = charts.Single(c => c.Str("id") == "won-by-month");
        Assert.Equal(("close_date", "month"), (wonByMonth.GetProperty("groupBy").Str("field"), wonByMonth.GetProperty("groupBy").Str("part")));
        Assert.Equal(("sum", "amount"), (wonByMonth.GetProperty("measure").Str("aggregate"), wonByMonth.GetProperty("measure").Str("field")));
        Assert.Equal("owner", charts.Single(c => c.Str("id") == "activities-by-owner").GetProperty("groupBy").GetString());
        Assert.All(charts, c => Assert.False(c.TryGetProperty("refused", out _)));
        await ExpectProblemAsync(await Client.GetAsync($"/api/{tenant}/metadata/dashboards/nope"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Navigation_names_a_dashboard_with_its_label_among_the_modules_entries()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var items = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/navigation"), HttpStatusCode.OK)).Values();

        var dashboard = Assert.Single(items, i => i.TryGetProperty("dashboard", out _));
        Assert.Equal(("sales", "sales-overview", "Sales overview"), (dashboard.Str("module"), dashboard.Str("dashboard"), dashboard.GetProperty("label").Str("en")));
        Assert.Equal("lead", items.SkipWhile(i => !i.TryGetProperty("dashboard", out _)).Skip(1).First().Str("entity"));
    }

    [Fact]
    public async Task Charts_over_a_masked_field_are_refused_without_their_query_and_charts_over_an_unreadable_entity_are_left_out()
    {
        var tenant = await Host.SharedAsync("dashboards", () => Host.CreateTenantAsync(ScreensModule, DashboardsModule));
        // clerk: reads everything, opportunity amount masked; deal-reader: reads opportunities only.
        var (clerk, _) = await Host.SharedAsync("dashboards-clerk", () => Host.CreateUserClientAsync(tenant, "dash-clerk", ["clerk"]));
        var (dealReader, _) = await Host.SharedAsync("dashboards-deal-reader", () => Host.CreateUserClientAsync(tenant, "dash-deals", ["deal-reader"]));

        var asClerk = (await ExpectAsync(await clerk.GetAsync($"/api/{tenant}/metadata/dashboards/sales-overview"), HttpStatusCode.OK)).GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(["open-pipeline", "won-total", "pipeline-by-stage", "won-by-month"], asClerk.Where(Refused).Select(c => c.Str("id")));
        Assert.All(asClerk.Where(Refused), c => Assert.False(c.TryGetProperty("measure", out _) || c.TryGetProperty("filter", out _) || c.TryGetProperty("groupBy", out _)));
        Assert.Equal(["opportunity-count", "opportunities-by-stage", "activities-by-owner"], asClerk.Where(c => !Refused(c)).Select(c => c.Str("id")));

        var asDealReader = (await ExpectAsync(await dealReader.GetAsync($"/api/{tenant}/metadata/dashboards/sales-overview"), HttpStatusCode.OK)).GetProperty("charts").EnumerateArray().ToList();
        Assert.DoesNotContain("activities-by-owner", asDealReader.Select(c => c.Str("id")));
        Assert.Equal(6, asDealReader.Count);
        // team-board charts only activities: not the deal reader's to open, list or navigate to.
        await ExpectProblemAsync(await dealReader.GetAsync($"/api/{tenant}/metadata/dashboards/team-board"), HttpStatusCode.NotFound);
        Assert.Equal(["sales-overview"], (await ExpectAsync(await dealReader.GetAsync($"/api/{tenant}/metadata/dashboards"), HttpStatusCode.OK)).Values().Select(d => d.Str("id")));
        var navigation = (await ExpectAsync(await dealReader.GetAsync($"/api/{tenant}/metadata/navigation"), HttpStatusCode.OK)).Values();
        Assert.Equal(["sales-overview"], navigation.Where(i => i.TryGetProperty("dashboard", out _)).Select(i => i.Str("dashboard")));
    }

    [Fact]
    public async Task A_reader_without_read_privileges_gets_no_dashboard()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var (nobody, _) = await Host.SharedAsync("crm-nobody", () => Host.CreateUserClientAsync(tenant, "screen-nobody", []));

        Assert.Empty((await ExpectAsync(await nobody.GetAsync($"/api/{tenant}/metadata/dashboards"), HttpStatusCode.OK)).Values());
        await ExpectProblemAsync(await nobody.GetAsync($"/api/{tenant}/metadata/dashboards/sales-overview"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_dashboard_is_its_tenants_alone_and_another_tenants_token_is_refused()
    {
        var withBoard = await Host.SharedAsync("dashboards", () => Host.CreateTenantAsync(ScreensModule, DashboardsModule));
        var without = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        await ExpectAsync(await Client.GetAsync($"/api/{withBoard}/metadata/dashboards/team-board"), HttpStatusCode.OK);
        await ExpectProblemAsync(await Client.GetAsync($"/api/{without}/metadata/dashboards/team-board"), HttpStatusCode.NotFound);
        Assert.DoesNotContain("team-board", (await ExpectAsync(await Client.GetAsync($"/api/{without}/metadata/dashboards"), HttpStatusCode.OK)).Values().Select(d => d.Str("id")));

        var (clerk, _) = await Host.SharedAsync("dashboards-clerk", () => Host.CreateUserClientAsync(withBoard, "dash-clerk", ["clerk"]));
        await ExpectProblemAsync(await clerk.GetAsync($"/api/{without}/metadata/dashboards/sales-overview"), HttpStatusCode.Unauthorized);
    }

    private static bool Refused(JsonElement chart) => chart.TryGetProperty("refused", out var refused) && refused.GetBoolean();
}

/// <summary>The shipped dashboard's charts run as the web app asks them: one $apply each on the list route.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task Every_chart_of_the_sales_overview_aggregates_on_the_server_as_the_app_asks()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var dashboard = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/dashboards/sales-overview"), HttpStatusCode.OK);

        foreach (var chart in dashboard.GetProperty("charts").EnumerateArray())
        {
            var apply = ApplyOf(chart);
            var answer = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/data/{chart.Str("entity")}?$apply={Uri.EscapeDataString(apply)}"), HttpStatusCode.OK);
            Assert.All(answer.Values(), row => Assert.True(row.TryGetProperty("measure", out _), $"{chart.Str("id")}: {apply}"));
        }
    }

    /// <summary>What designer/src/dashboards/apply.ts builds from a chart.</summary>
    private static string ApplyOf(JsonElement chart)
    {
        var steps = new List<string>();
        if (chart.TryGetProperty("filter", out var filter)) steps.Add($"filter({filter.GetString()})");
        var measure = chart.GetProperty("measure");
        var method = measure.Str("aggregate") switch { "avg" => "average", var m => m };
        var aggregate = measure.TryGetProperty("field", out var field) ? $"aggregate({field.GetString()} with {method} as measure)" : "aggregate($count as measure)";
        if (!chart.TryGetProperty("groupBy", out var groupBy)) steps.Add(aggregate);
        else if (groupBy.ValueKind == JsonValueKind.String) steps.Add($"groupby(({groupBy.GetString()}),{aggregate})");
        else
        {
            string[] parts = groupBy.Str("part") switch { "year" => ["year"], "month" => ["year", "month"], _ => ["year", "month", "day"] };
            steps.Add($"compute({string.Join(",", parts.Select(p => $"{p}({groupBy.Str("field")}) as {p}"))})");
            steps.Add($"groupby(({string.Join(",", parts)}),{aggregate})");
        }
        return string.Join("/", steps);
    }
}
