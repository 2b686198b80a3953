using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Dashboards;
using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;
using static Platform.Metadata.Tests.Screens.ScreenBuild;

namespace Platform.Metadata.Tests.Screens;

/// <summary>Dashboards chart real entities and fields with aggregates their types allow, every error at its file and pointer at once.</summary>
public class DashboardRuleTests
{
    private const string File = "crm/dashboards/overview.json";

    private static DashboardChart Chart(string id, string type = "bar", string entity = "deal", ChartGroupBy? groupBy = null, ChartMeasure? measure = null) => new()
    {
        Id = id, Title = new LocalizedText(id), Type = type, Entity = entity,
        GroupBy = groupBy ?? (type == DashboardChart.Number ? null : new ChartGroupBy("stage")),
        Measure = measure ?? new ChartMeasure { Aggregate = "count" },
    };

    private static DashboardDefinition Dashboard(params DashboardChart[] charts) => new() { Id = "overview", Label = new LocalizedText("Overview"), Charts = charts };

    private static ModuleDefinition WithDashboards(ModuleDefinition module, params DashboardDefinition[] dashboards) =>
        StandardDocumentKinds.Dashboard.WithDocuments(module, dashboards);

    [Fact]
    public void Valid_charts_with_field_and_date_part_groups_and_system_fields_pass()
    {
        var dashboard = Dashboard(
            Chart("by-stage", measure: new ChartMeasure { Aggregate = "sum", Field = "amount" }),
            Chart("by-month", "line", groupBy: new ChartGroupBy("close_date", "month"), measure: new ChartMeasure { Aggregate = "max", Field = "close_date" }),
            Chart("by-owner", "pie", groupBy: new ChartGroupBy("owner"), measure: new ChartMeasure { Aggregate = "countdistinct", Field = "account" }),
            Chart("created", "bar", groupBy: new ChartGroupBy("created_at", "year")),
            Chart("total", DashboardChart.Number, measure: new ChartMeasure { Aggregate = "avg", Field = "amount" }));

        Assert.Empty(DefinitionValidator.Validate([WithDashboards(Crm(), dashboard)]));
    }

    [Fact]
    public void Unknown_entities_fields_groups_and_aggregates_are_all_reported_each_at_its_pointer()
    {
        var dashboard = Dashboard(
            Chart("a", entity: "invoice"),
            Chart("b", groupBy: new ChartGroupBy("stag")),
            Chart("c", groupBy: new ChartGroupBy("name", "month")),
            Chart("d", measure: new ChartMeasure { Aggregate = "sum", Field = "name" }),
            Chart("e", measure: new ChartMeasure { Aggregate = "avg", Field = "amout" }),
            Chart("f", measure: new ChartMeasure { Aggregate = "sum" }),
            Chart("g", DashboardChart.Number, groupBy: new ChartGroupBy("stage")),
            Chart("h", "pie") with { GroupBy = null },
            Chart("a"),
            Chart("i", measure: new ChartMeasure { Aggregate = "min", Field = "notes" }));

        var errors = DefinitionValidator.Validate([WithDashboards(Crm(), dashboard)]);

        Assert.Equal([
            ("/charts/0/entity", "'invoice' is not an entity of the loaded modules"),
            ("/charts/1/groupBy", "deal has no field 'stag'"),
            ("/charts/2/groupBy/field", "only date and date-time fields are grouped by month; name is not one"),
            ("/charts/3/measure/aggregate", "'sum' needs a number field; name is not one"),
            ("/charts/4/measure/field", "deal has no field 'amout'"),
            ("/charts/5/measure", "'sum' needs a field"),
            ("/charts/6/groupBy", "a number chart shows one total; leave groupBy out or choose another type"),
            ("/charts/7", "a pie chart needs a groupBy (a field, or {\"field\", \"part\"} of a date field)"),
            ("/charts/8/id", "the chart id 'a' is used twice in the dashboard"),
            ("/charts/9/measure/aggregate", "'min' needs a number or date field; notes is neither"),
        ], errors.Select(e => (e.Pointer, e.Message)));
        Assert.All(errors, e => Assert.Equal(File, e.File));
    }

    [Fact]
    public void A_chart_over_an_entity_of_a_module_not_depended_on_is_reported()
    {
        var sales = WithDashboards(Module("sales", Entity("lead", Field("name"))), Dashboard(Chart("deals") with { GroupBy = new ChartGroupBy("name") }));

        var errors = DefinitionValidator.Validate([Crm(), sales]);

        var error = ErrorAssert.Single(errors, "sales/dashboards/overview.json", "/charts/0/entity", "deal");
        Assert.Contains("crm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Navigation_may_name_a_dashboard_of_the_module_set()
    {
        var module = WithDashboards(Crm(), Dashboard(Chart("by-stage")));
        module = module with { Manifest = module.Manifest with { App = new AppDefinition { Navigation = [new() { Dashboard = "overview" }] } } };

        Assert.Empty(DefinitionValidator.Validate([module]));
    }

    [Fact]
    public void A_group_by_reads_and_writes_back_as_a_field_name_or_a_field_and_part()
    {
        const string json = """{"id":"x","title":"X","type":"line","entity":"deal","groupBy":{"field":"close_date","part":"month"},"measure":{"aggregate":"count"}}""";

        var chart = JsonSerializer.Deserialize<DashboardChart>(json, DefinitionJson.Options)!;
        var plain = chart with { GroupBy = new ChartGroupBy("stage") };

        Assert.Equal(new ChartGroupBy("close_date", "month"), chart.GroupBy);
        Assert.Contains("\"groupBy\":{\"field\":\"close_date\",\"part\":\"month\"}", JsonSerializer.Serialize(chart, DefinitionJson.Options).Replace(" ", "").Replace("\n", "").Replace("\r", ""), StringComparison.Ordinal);
        Assert.Contains("\"groupBy\":\"stage\"", JsonSerializer.Serialize(plain, DefinitionJson.Options).Replace(" ", ""), StringComparison.Ordinal);
    }
}
