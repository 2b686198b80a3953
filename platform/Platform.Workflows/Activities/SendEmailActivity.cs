using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Activities;

/// <summary>SendEmail: hands an email (addresses, subject, body or a template file) to <see cref="IWorkflowMailer"/>.</summary>
public sealed class SendEmailActivity : IActivityType
{
    public string Type => "SendEmail";
    public string Description => "Sends an email to 'to' (one address or a list) with 'subject' and 'body', or rendered from the module template file 'template'.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("to", "An address or a list of addresses.", InputSchemas.StringOrList(), Required: true),
        new("subject", "The subject.", InputSchemas.String()),
        new("body", "The body.", InputSchemas.String()),
        new("template", "A template file of the module, rendered with record, variables and input.", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var to = Addresses(await context.InputAsync("to"));
        if (to.Count == 0) throw new WorkflowActivityException($"'{context.Node.Id}' has no recipient.");
        var model = new JsonObject
        {
            ["record"] = RecordValues.ToJson(await context.RecordAsync()), ["variables"] = context.State.Variables.DeepClone(), ["input"] = context.State.Input?.DeepClone(),
        };
        await context.Effects.SendEmailAsync(new WorkflowEmail(context.Runtime.Id, context.InstanceId, to,
            await context.StringAsync("subject"), await context.StringAsync("body"), (string?)(context.Node.Input("template") as JsonValue), model), context.CancellationToken);
        return ActivityResult.Done(new JsonObject { ["to"] = new JsonArray(to.Select(t => (JsonNode?)t).ToArray()) });
    }

    internal static IReadOnlyList<string> Addresses(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(a => (string?)(a as JsonValue)).OfType<string>().Where(a => a.Length > 0).ToList(),
        JsonValue value when value.TryGetValue<string>(out var one) && one.Length > 0 => [one],
        _ => [],
    };
}
