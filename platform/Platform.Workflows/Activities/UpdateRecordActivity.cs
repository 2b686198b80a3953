using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>UpdateRecord: changes a record through the record service as the run's actor (permissions, field security, audit apply).</summary>
public sealed class UpdateRecordActivity : IActivityType
{
    public string Type => "UpdateRecord";
    public string Description => "Updates the record 'recordId' of 'entity' with 'values' as the workflow's identity.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("entity", "The entity.", InputSchemas.String(), Required: true),
        new("recordId", "The record's id, usually an expression such as record.id.", InputSchemas.String(), Required: true),
        new("values", "Field values; each may be an expression.", InputSchemas.Object(), Required: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var entity = await context.RequiredStringAsync("entity");
        var id = RecordValues.Id(await context.InputAsync("recordId"), context.Node.Id);
        var values = RecordValues.From(await context.InputAsync("values"), context.Node.Id);
        await context.Effects.UpdateRecordAsync(entity, id, values, context.CancellationToken);
        return ActivityResult.Done(new JsonObject { ["id"] = id.ToString() });
    }
}
