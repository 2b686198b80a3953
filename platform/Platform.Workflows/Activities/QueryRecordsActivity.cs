using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>QueryRecords: reads records the run's actor may see, filtered with an OData <c>$filter</c>, into a variable.</summary>
public sealed class QueryRecordsActivity : IActivityType
{
    public string Type => "QueryRecords";
    public string Description => "Reads up to 'top' (default 50, at most 1000) records of 'entity' matching the OData 'filter' into resultVariable.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("entity", "The entity.", InputSchemas.String(), Required: true),
        new("filter", "An OData $filter.", InputSchemas.String()),
        new("top", "How many records at most.", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1000 }),
        new("resultVariable", "Where the list of records goes.", InputSchemas.String(), Required: true, LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

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
