using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>QueryRecords: reads records the run's actor may see, filtered with an OData <c>$filter</c>, into a variable.</summary>
public sealed class QueryRecordsActivity : QueryRecordsDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var entity = await context.RequiredStringAsync("entity");
        var filter = await context.StringAsync("filter");
        var top = await context.InputAsync("top") is JsonValue t && t.TryGetValue<int>(out var n) ? n : (int?)null;
        var rows = await context.Effects.QueryRecordsAsync(entity, filter, top, context.CancellationToken);
        context.State.Variables[(string)context.Node.Input("resultVariable")!] = RecordValues.ToJson(rows);
        return ActivityResult.Done(new JsonObject { ["count"] = rows.Count });
    }
}
