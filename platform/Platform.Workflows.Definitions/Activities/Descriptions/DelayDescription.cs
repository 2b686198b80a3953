using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the Delay activity type (what the validator needs); <c>DelayActivity</c> runs it.</summary>
public class DelayDescription : IActivityDescription
{
    public string Type => "Delay";
    public string Description => "Waits for 'duration' (ISO 8601, e.g. PT30M or P2D) on a durable timer.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("duration", "ISO 8601 duration.", InputSchemas.Duration(), Required: true)];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
