using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the Fault activity type (what the validator needs); <c>FaultActivity</c> runs it.</summary>
public class FaultDescription : IActivityDescription
{
    public string Type => "Fault";
    public string Description => "Faults the instance with 'message' (an incident is created).";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("message", "Why.", InputSchemas.String(), Required: true)];
    public IReadOnlyList<string> Ports(ActivityNode node) => [];
}
