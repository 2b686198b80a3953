using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>UpdateRecord: changes a record through the record service as the run's actor (permissions, field security, audit apply).</summary>
public sealed class UpdateRecordActivity : UpdateRecordDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var entity = await context.RequiredStringAsync("entity");
        var id = RecordValues.Id(await context.InputAsync("recordId"), context.Node.Id);
        var values = RecordValues.From(await context.InputAsync("values"), context.Node.Id);
        await context.Effects.UpdateRecordAsync(entity, id, values, context.CancellationToken);
        return ActivityResult.Done(new JsonObject { ["id"] = id.ToString() });
    }
}
