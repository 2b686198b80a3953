using Platform.Metadata.Definitions.Dashboards;

namespace Platform.Api.Metadata;

/// <summary>A chart as one reader may see it: shown, or refused because it groups, measures or filters by a field they do not read in full.</summary>
internal sealed record VisibleChart(DashboardChart Chart, bool Refused);

/// <summary>
/// Dashboards as one reader may see them: a chart over an entity they cannot read is left out (as the entity is from
/// navigation), one over a field they do not read in full is refused (the aggregate would reveal it); a dashboard with
/// no chart left is not theirs to open.
/// </summary>
internal sealed class DashboardAccess(Runtime.TenantRuntime runtime, ScreenAccess access)
{
    public IReadOnlyList<VisibleChart>? Charts(DashboardDefinition dashboard)
    {
        var charts = dashboard.Charts.Where(c => access.CanRead(c.Entity)).Select(c => new VisibleChart(c, !ReadsFully(c))).ToList();
        return charts.Count == 0 ? null : charts;
    }

    private bool ReadsFully(DashboardChart chart)
    {
        var entity = runtime.FindEntity(chart.Entity);
        var fields = new List<string>();
        if (chart.GroupBy is { } groupBy) fields.Add(groupBy.Field);
        if (chart.Measure.Field is { } measured) fields.Add(measured);
        // Names in the filter that are not fields (functions, operators, literals like true) are not the reader's to lack.
        if (chart.Filter is { } filter) fields.AddRange(FilterFields.Named(filter).Where(f => entity?.FindField(f) is not null));
        return fields.All(f => access.ReadsFully(chart.Entity, f));
    }
}
