using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the UpdateRecord activity type (what the validator needs); <c>UpdateRecordActivity</c> runs it.</summary>
public class UpdateRecordDescription : IActivityDescription
{
    public string Type => "UpdateRecord";
    public string Description => "Updates the record 'recordId' of 'entity' with 'values' as the workflow's identity.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("entity", "The entity.", InputSchemas.String(), Required: true),
        new("recordId", "The record's id, usually an expression such as record.id.", InputSchemas.String(), Required: true),
        new("values", "Field values; each may be an expression.", InputSchemas.Object(), Required: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
