using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Support;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Where features meet: saved views and encrypted fields, dashboards and script-computed (formula) fields.</summary>
public abstract partial class ApiTests
{
    private static string FormulaBoardModule => Path.Combine(RepositoryPaths.Root, "tests", "Platform.Api.Tests", "Modules", "formula-board");

    [Theory]
    [InlineData("weight gt 50", "weight")]
    [InlineData("title eq 'x' or diagnosis eq 'flu'", "diagnosis")]
    [InlineData("born lt 2000-01-01", "born")]
    public async Task A_saved_view_filtering_on_an_encrypted_field_is_refused_and_nothing_is_saved(string filter, string field)
    {
        var tenant = await Host.SharedAsync("health", () => Host.CreateTenantAsync(HealthModule));
        var view = new { label = "Heavy", columns = new[] { new { field = "title" } }, filter };

        var problem = await ExpectProblemAsync(await Client.PostAsync($"/api/{tenant}/views/patient_note/personal", Body(view)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["/filter"], Pointers(problem));
        Assert.Contains($"'{field}' is encrypted", problem.Str("detail"));
        var views = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/views/patient_note"), HttpStatusCode.OK);
        Assert.DoesNotContain(views.Values(), v => v.Str("scope") == "personal");
    }

    /// <summary>The score the sales module's lead-scoring library documents (see modules/sales/scripts/lib/lead-scoring.js).</summary>
    private static long LeadScore(bool email, bool phone, bool company, string? source, decimal value) =>
        (email ? 20 : 0) + (phone ? 10 : 0) + (company ? 20 : 0) + source switch { "referral" => 30, "event" => 20, "web" => 10, _ => 0 }
        + Math.Min(20, (long)Math.Floor(value / 5000));

    [Fact]
    public async Task A_dashboard_chart_aggregates_the_stored_values_of_a_formula_field()
    {
        var tenant = await Host.CreateTenantAsync(FormulaBoardModule);
        var ada = await CreateAsync(tenant, "lead", new { full_name = "Ada", email = "ada@example.com", company = "Acme", source = "referral", estimated_value = 12000m });
        await CreateAsync(tenant, "lead", new { full_name = "Bea", source = "web" });
        await CreateAsync(tenant, "lead", new { full_name = "Cy", status = "contacted", email = "cy@example.com", phone = "+44 20 7946 0000", source = "event", estimated_value = 250000m });
        var expected = new Dictionary<string, long>
        {
            ["new"] = LeadScore(true, false, true, "referral", 12000m) + LeadScore(false, false, false, "web", 0),
            ["contacted"] = LeadScore(true, true, false, "event", 250000m),
        };
        Assert.Equal(LeadScore(true, false, true, "referral", 12000m), ada.GetProperty("score").GetInt64());

        var charts = await ChartsAsync(tenant, "lead-scores");
        var byStatus = charts["score-by-status"].ToDictionary(r => r.Str("status"), r => r.GetProperty("measure").GetInt64());
        Assert.Equal(expected, byStatus);
        Assert.Equal((expected["new"] + expected["contacted"]) / 3m, Assert.Single(charts["average-score"]).GetProperty("measure").GetDecimal(), 6);
        Assert.Equal(LeadScore(true, false, true, "referral", 12000m), Assert.Single(charts["best-new-score"]).GetProperty("measure").GetInt64());

        // A change the formula depends on is stored with the record, and the chart follows it.
        using var request = new HttpRequestMessage(HttpMethod.Patch, Data(tenant, "lead", ada.Id())) { Content = Body(new { source = "other", company = (string?)null }) };
        await ExpectAsync(await Client.SendAsync(request), HttpStatusCode.OK);
        var after = (await ChartsAsync(tenant, "lead-scores"))["score-by-status"].ToDictionary(r => r.Str("status"), r => r.GetProperty("measure").GetInt64());
        Assert.Equal(LeadScore(true, false, false, "other", 12000m) + LeadScore(false, false, false, "web", 0), after["new"]);
    }

    /// <summary>Each chart of a dashboard run as the web app runs it (<see cref="ApplyOf"/>): chart id to its rows.</summary>
    private async Task<Dictionary<string, IReadOnlyList<JsonElement>>> ChartsAsync(string tenant, string dashboard)
    {
        var document = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/dashboards/{dashboard}"), HttpStatusCode.OK);
        var result = new Dictionary<string, IReadOnlyList<JsonElement>>();
        foreach (var chart in document.GetProperty("charts").EnumerateArray())
        {
            var url = $"/api/{tenant}/data/{chart.Str("entity")}?$apply={Uri.EscapeDataString(ApplyOf(chart))}";
            result[chart.Str("id")] = (await ExpectAsync(await Client.GetAsync(url), HttpStatusCode.OK)).Values();
        }
        return result;
    }
}
