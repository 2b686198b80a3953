using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>Fork: continues through every one of its <c>branches</c> (ports) at once; a Join further on brings them together.</summary>
public sealed class ForkActivity : IActivityType
{
    public string Type => "Fork";
    public string Description => "Starts every branch: completes through each port listed in 'branches' (default: Done).";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [];

    public IReadOnlyList<string> Ports(ActivityNode node) =>
        node.Input("branches") is JsonArray branches ? branches.Select(b => (string?)(b as JsonValue) ?? "").ToList() : [Activities.Ports.Done];

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.OutcomesOf(Ports(context.Node)));
}
