using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the Fork activity type (what the validator needs); <c>ForkActivity</c> runs it.</summary>
public class ForkDescription : IActivityDescription
{
    public string Type => "Fork";
    public string Description => "Starts every branch: completes through each port listed in 'branches' (default: Done).";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [];
    public IReadOnlyList<string> Ports(ActivityNode node) =>
        node.Input("branches") is JsonArray branches ? branches.Select(b => (string?)(b as JsonValue) ?? "").ToList() : [Activities.Ports.Done];
}
