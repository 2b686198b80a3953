using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>CreateRecord: creates a record through the record service as the run's actor (permissions, field security, audit apply).</summary>
public sealed class CreateRecordActivity : IActivityType
{
    public string Type => "CreateRecord";
    public string Description => "Creates a record of 'entity' with 'values' as the workflow's identity; the new record goes to resultVariable.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("entity", "The entity.", InputSchemas.String(), Required: true),
        new("values", "Field values; each may be an expression.", InputSchemas.Object(), Required: true),
        new("resultVariable", "Where the created record goes.", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var entity = await context.RequiredStringAsync("entity");
        var values = RecordValues.From(await context.InputAsync("values"), context.Node.Id);
        var created = RecordValues.ToJson(await context.Effects.CreateRecordAsync(entity, values, context.CancellationToken));
        if ((string?)(context.Node.Input("resultVariable") as JsonValue) is { Length: > 0 } target) context.State.Variables[target] = created?.DeepClone();
        return ActivityResult.Done(new JsonObject { ["id"] = created?["id"]?.DeepClone() });
    }
}
