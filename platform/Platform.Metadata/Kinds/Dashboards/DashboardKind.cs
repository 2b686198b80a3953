using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Dashboards;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds.Dashboards;

/// <summary>dashboards/&lt;id&gt;.json: charts over entities' aggregates, each entity, group and measure checked against the entities.</summary>
public sealed class DashboardKind() : ScreenDocumentKind<DashboardDefinition>("dashboard", document => document.Id)
{
    protected override IEnumerable<DefinitionError> Check(DocumentValidationContext context, IReadOnlyList<KindDocument<DashboardDefinition>> documents)
    {
        var errors = new List<DefinitionError>();
        foreach (var dashboard in documents)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < dashboard.Document.Charts.Count; i++)
            {
                var chart = dashboard.Document.Charts[i];
                var pointer = $"/charts/{i}";
                if (!ids.Add(chart.Id)) errors.Add(dashboard.Error($"{pointer}/id", $"the chart id '{chart.Id}' is used twice in the dashboard"));
                if (context.CheckEntity(dashboard.Module, chart.Entity) is { } problem) errors.Add(dashboard.Error($"{pointer}/entity", problem));
                else if (context.FindEntity(chart.Entity) is { } entity)
                    errors.AddRange(ChartRules.Check(entity, chart).Select(e => dashboard.Error(pointer + e.Pointer, e.Problem)));
            }
        }
        return errors;
    }
}
