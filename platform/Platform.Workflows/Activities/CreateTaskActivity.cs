using System.Text.Json.Nodes;
using System.Xml;

namespace Platform.Workflows.Activities;

/// <summary>
/// CreateTask: creates a to-do record for a user — a record of the tenant's task entity (<c>entity</c>) whose subject
/// field is <c>subject</c>, plus any other <c>values</c> — owned by <c>assignee</c> from its creation: one write through
/// the record service with the assignment's checks (assign privilege, the owner's business unit, one audited create).
/// </summary>
public sealed class CreateTaskActivity : CreateTaskDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var entity = await context.RequiredStringAsync("entity");
        var values = await context.InputAsync("values") is JsonObject other ? RecordValues.From(other, context.Node.Id) : [];
        values["subject"] = await context.RequiredStringAsync("subject");
        if (await context.StringAsync("dueIn") is { Length: > 0 } dueIn) values[DueField] = JsonValue.Create((context.Now + Duration(dueIn)).ToString("O"));
        Guid? assignee = await context.StringAsync("assignee") is { Length: > 0 } text
            ? Guid.TryParse(text, out var user) ? user : throw new WorkflowActivityException($"The assignee of '{context.Node.Id}' is not a user id: {text}.")
            : null;
        // Created owned by the assignee in one write: no observer sees the task owned by the run's actor first.
        var created = assignee is { } owner
            ? await context.Effects.CreateOwnedRecordAsync(entity, values, owner, context.CancellationToken)
            : await context.Effects.CreateRecordAsync(entity, values, context.CancellationToken);
        var id = created.GetValueOrDefault("id") is Guid guid ? guid : RecordValues.Id(RecordValues.ToJson(created.GetValueOrDefault("id")), context.Node.Id);
        if ((string?)(context.Node.Input("resultVariable") as JsonValue) is { Length: > 0 } target) context.State.Variables[target] = id.ToString();
        return ActivityResult.Done(new JsonObject { ["id"] = id.ToString(), ["assignee"] = assignee?.ToString() });
    }

    private static TimeSpan Duration(string text)
    {
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new WorkflowActivityException($"'{text}' is not an ISO 8601 duration.");
        }
    }
}
