using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the SendEmail activity type (what the validator needs); <c>SendEmailActivity</c> runs it.</summary>
public class SendEmailDescription : IActivityDescription
{
    public string Type => "SendEmail";
    public string Description => "Sends an email to 'to' (one address or a list) with 'subject' and 'body' (each may be a Scriban {\"template\"} seeing record, user, variables and input).";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("to", "An address or a list of addresses.", InputSchemas.StringOrList(), Required: true),
        new("subject", "The subject.", InputSchemas.String()),
        new("body", "The body.", InputSchemas.String()),
        new(TemplateFileInput, "A module template file (templates/x.scriban) rendered as the body, instead of 'body'.", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

    public const string TemplateFileInput = "template";
}
