using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Activities;

/// <summary>SendEmail: queues an email (addresses, subject, text body; each may be a <c>{"template"}</c>) through <see cref="IWorkflowMailer"/>.</summary>
public sealed class SendEmailActivity : IActivityType
{
    public string Type => "SendEmail";
    public string Description => "Sends an email to 'to' (one address or a list) with 'subject' and 'body' (each may be a Scriban {\"template\"} seeing record, user, variables and input).";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("to", "An address or a list of addresses.", InputSchemas.StringOrList(), Required: true),
        new("subject", "The subject.", InputSchemas.String()),
        new("body", "The body.", InputSchemas.String()),
        new(TemplateFileInput, "A template file of the module (not available yet: module template files are not kept at install).", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Node.Input(TemplateFileInput) is { } file) throw new WorkflowActivityException(TemplateFileUnavailable((string?)(file as JsonValue)));
        var to = Addresses(await context.InputAsync("to"));
        if (to.Count == 0) throw new WorkflowActivityException($"'{context.Node.Id}' has no recipient.");
        await context.Effects.SendEmailAsync(
            new WorkflowEmail(to, await context.StringAsync("subject"), await context.StringAsync("body"), context.ExecutionKey), context.Transaction, context.CancellationToken);
        return ActivityResult.Done(new JsonObject { ["to"] = new JsonArray(to.Select(t => (JsonNode?)t).ToArray()) });
    }

    public const string TemplateFileInput = "template";

    /// <summary>
    /// Why a template file cannot be used: installing a module keeps its definitions, not its <c>templates/</c> folder,
    /// so the file would not exist when the step runs. Inline <c>{"template"}</c> subject and body work.
    /// </summary>
    public static string TemplateFileUnavailable(string? file) =>
        $"the template file '{file}' cannot be used: a module's templates/ files are not kept when it is installed; write 'subject' and 'body' as {{\"template\": \"...\"}} inputs instead";

    internal static IReadOnlyList<string> Addresses(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(a => (string?)(a as JsonValue)).OfType<string>().Where(a => a.Length > 0).ToList(),
        JsonValue value when value.TryGetValue<string>(out var one) && one.Length > 0 => [one],
        _ => [],
    };
}
