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
        new(TemplateFileInput, "A template file of the module (not available yet: module template files are not kept at install).", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

    public const string TemplateFileInput = "template";

    /// <summary>
    /// Why a template file cannot be used: installing a module keeps its definitions, not its <c>templates/</c> folder,
    /// so the file would not exist when the step runs. Inline <c>{"template"}</c> subject and body work.
    /// </summary>
    public static string TemplateFileUnavailable(string? file) =>
        $"the template file '{file}' cannot be used: a module's templates/ files are not kept when it is installed; write 'subject' and 'body' as {{\"template\": \"...\"}} inputs instead";
}
