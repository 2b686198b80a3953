using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the CreateRecord activity type (what the validator needs); <c>CreateRecordActivity</c> runs it.</summary>
public class CreateRecordDescription : IActivityDescription
{
    public string Type => "CreateRecord";
    public string Description => "Creates a record of 'entity' with 'values' as the workflow's identity; the new record goes to resultVariable.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("entity", "The entity.", InputSchemas.String(), Required: true),
        new("values", "Field values; each may be an expression.", InputSchemas.Object(), Required: true),
        new("resultVariable", "Where the created record goes.", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
