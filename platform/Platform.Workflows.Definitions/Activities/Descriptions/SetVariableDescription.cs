using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the SetVariable activity type (what the validator needs); <c>SetVariableActivity</c> runs it.</summary>
public class SetVariableDescription : IActivityDescription
{
    public string Type => "SetVariable";
    public string Description => "Sets a workflow variable.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("name", "The variable.", InputSchemas.String(), Required: true, LiteralOnly: true),
        new("value", "The new value.", InputSchemas.Any(), Required: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
