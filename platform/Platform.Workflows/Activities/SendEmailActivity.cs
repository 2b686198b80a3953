using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Activities;

/// <summary>SendEmail: queues an email (addresses, subject, text body; each may be a <c>{"template"}</c>, the body a module template file) through <see cref="IWorkflowMailer"/>.</summary>
public sealed class SendEmailActivity : SendEmailDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var to = Addresses(await context.InputAsync("to"));
        if (to.Count == 0) throw new WorkflowActivityException($"'{context.Node.Id}' has no recipient.");
        await context.Effects.SendEmailAsync(
            new WorkflowEmail(to, await context.StringAsync("subject"), await BodyAsync(context), context.ExecutionKey), context.Transaction, context.CancellationToken);
        return ActivityResult.Done(new JsonObject { ["to"] = new JsonArray(to.Select(t => (JsonNode?)t).ToArray()) });
    }

    /// <summary>The body: the 'body' input, or the module template file named by 'template' rendered like an inline template.</summary>
    private static async Task<string?> BodyAsync(ActivityContext context) =>
        (string?)(context.Node.Input(TemplateFileInput) as JsonValue) is { Length: > 0 } file
            ? (string?)(await context.EvaluateAsync(new JsonObject { ["template"] = file }, $"{context.Definition.Id}:{context.Node.Id}.{TemplateFileInput}") as JsonValue)
            : await context.StringAsync("body");

    internal static IReadOnlyList<string> Addresses(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(a => (string?)(a as JsonValue)).OfType<string>().Where(a => a.Length > 0).ToList(),
        JsonValue value when value.TryGetValue<string>(out var one) && one.Length > 0 => [one],
        _ => [],
    };
}
