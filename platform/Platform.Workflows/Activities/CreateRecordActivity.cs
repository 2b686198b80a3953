using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>CreateRecord: creates a record through the record service as the run's actor (permissions, field security, audit apply).</summary>
public sealed class CreateRecordActivity : CreateRecordDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var entity = await context.RequiredStringAsync("entity");
        var values = RecordValues.From(await context.InputAsync("values"), context.Node.Id);
        var created = RecordValues.ToJson(await context.Effects.CreateRecordAsync(entity, values, context.CancellationToken));
        if ((string?)(context.Node.Input("resultVariable") as JsonValue) is { Length: > 0 } target) context.State.Variables[target] = created?.DeepClone();
        return ActivityResult.Done(new JsonObject { ["id"] = created?["id"]?.DeepClone() });
    }
}
