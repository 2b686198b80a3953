using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Activities;

/// <summary>SendEmail: queues an email (addresses, subject, text body; each may be a <c>{"template"}</c>) through <see cref="IWorkflowMailer"/>.</summary>
public sealed class SendEmailActivity : SendEmailDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Node.Input(TemplateFileInput) is { } file) throw new WorkflowActivityException(TemplateFileUnavailable((string?)(file as JsonValue)));
        var to = Addresses(await context.InputAsync("to"));
        if (to.Count == 0) throw new WorkflowActivityException($"'{context.Node.Id}' has no recipient.");
        await context.Effects.SendEmailAsync(
            new WorkflowEmail(to, await context.StringAsync("subject"), await context.StringAsync("body"), context.ExecutionKey), context.Transaction, context.CancellationToken);
        return ActivityResult.Done(new JsonObject { ["to"] = new JsonArray(to.Select(t => (JsonNode?)t).ToArray()) });
    }

    internal static IReadOnlyList<string> Addresses(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(a => (string?)(a as JsonValue)).OfType<string>().Where(a => a.Length > 0).ToList(),
        JsonValue value when value.TryGetValue<string>(out var one) && one.Length > 0 => [one],
        _ => [],
    };
}
