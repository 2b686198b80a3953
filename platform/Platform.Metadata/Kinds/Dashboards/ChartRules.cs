using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Dashboards;
using Platform.Metadata.Kinds.Screens;

namespace Platform.Metadata.Kinds.Dashboards;

/// <summary>A chart's group and measure against its entity: fields that exist, of types the aggregate can compute.</summary>
internal static class ChartRules
{
    public static IEnumerable<(string Pointer, string Problem)> Check(EntityDefinition entity, DashboardChart chart)
    {
        if (chart.GroupBy is { } groupBy)
        {
            var pointer = groupBy.Part is null ? "/groupBy" : "/groupBy/field";
            if (chart.Type == DashboardChart.Number) yield return ("/groupBy", "a number chart shows one total; leave groupBy out or choose another type");
            else if (ScreenFields.Problem(entity, groupBy.Field) is { } problem) yield return (pointer, problem);
            else if (groupBy.Part is { } part && ScreenFields.TypeOf(entity, groupBy.Field) is { } type && !ScreenFields.IsDate(type))
                yield return (pointer, $"only date and date-time fields are grouped by {part}; {groupBy.Field} is not one");
        }
        else if (chart.Type != DashboardChart.Number)
            yield return ("", $"a {chart.Type} chart needs a groupBy (a field, or {{\"field\", \"part\"}} of a date field)");

        if (Measure(entity, chart.Measure) is var (property, measureProblem)) yield return ($"/measure{property}", measureProblem);
    }

    private static (string Property, string Problem)? Measure(EntityDefinition entity, ChartMeasure measure)
    {
        if (measure.Field is not { } field)
            return measure.Aggregate == "count" ? null : ("", $"'{measure.Aggregate}' needs a field");
        if (measure.Aggregate == "count") return ("/field", "count counts records; leave the field out (countdistinct counts a field's values)");
        if (ScreenFields.Problem(entity, field) is { } problem) return ("/field", problem);
        var type = ScreenFields.TypeOf(entity, field);
        return measure.Aggregate switch
        {
            "sum" or "avg" when type is not { } t || !ScreenFields.IsNumber(t) => ("/aggregate", $"'{measure.Aggregate}' needs a number field; {field} is not one"),
            "min" or "max" when type is not { } t || !(ScreenFields.IsNumber(t) || ScreenFields.IsDate(t)) => ("/aggregate", $"'{measure.Aggregate}' needs a number or date field; {field} is neither"),
            _ => null,
        };
    }
}
