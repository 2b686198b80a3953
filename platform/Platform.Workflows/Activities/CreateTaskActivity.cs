using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>
/// CreateTask: creates a to-do record for a user — a record of the tenant's task entity (<c>entity</c>) whose owner is
/// <c>assignee</c> and whose subject field is <c>subject</c>, plus any other <c>values</c>.
/// </summary>
public sealed class CreateTaskActivity : CreateTaskDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var entity = await context.RequiredStringAsync("entity");
        var values = await context.InputAsync("values") is JsonObject other ? RecordValues.From(other, context.Node.Id) : [];
        values["subject"] = await context.RequiredStringAsync("subject");
        if (await context.StringAsync("assignee") is { Length: > 0 } assignee) values["owner"] = assignee;
        var created = RecordValues.ToJson(await context.Effects.CreateRecordAsync(entity, values, context.CancellationToken));
        var id = created?["id"]?.DeepClone();
        if ((string?)(context.Node.Input("resultVariable") as JsonValue) is { Length: > 0 } target) context.State.Variables[target] = id?.DeepClone();
        return ActivityResult.Done(new JsonObject { ["id"] = id });
    }
}
