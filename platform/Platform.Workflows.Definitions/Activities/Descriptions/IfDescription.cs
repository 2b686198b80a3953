using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the If activity type (what the validator needs); <c>IfActivity</c> runs it.</summary>
public class IfDescription : IActivityDescription
{
    public string Type => "If";
    public string Description => "Continues through True when the condition holds, else through False.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("condition", "Usually an expression; its JavaScript truth decides the port.", InputSchemas.Any(), Required: true)];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.True, Activities.Ports.False];
}
