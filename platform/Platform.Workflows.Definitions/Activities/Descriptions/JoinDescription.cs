using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the Join activity type (what the validator needs); <c>JoinActivity</c> runs it.</summary>
public class JoinDescription : IActivityDescription
{
    public const string TypeName = "Join";
    public string Type => TypeName;
    public string Description => "Waits for all inbound branches (mode 'all') or the first one (mode 'any', which cancels the others), then continues through Done.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("mode", "all (default) or any.", InputSchemas.Enum("all", "any"), LiteralOnly: true)];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
