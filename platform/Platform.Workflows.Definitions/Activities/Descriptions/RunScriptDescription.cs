using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the RunScript activity type (what the validator needs); <c>RunScriptActivity</c> runs it.</summary>
public class RunScriptDescription : IActivityDescription
{
    public string Type => "RunScript";
    public string Description => "Runs JavaScript; it may change variables and return a value stored in resultVariable.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("script", "A function body.", InputSchemas.String(), Required: true, LiteralOnly: true),
        new("resultVariable", "Where the returned value goes.", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
