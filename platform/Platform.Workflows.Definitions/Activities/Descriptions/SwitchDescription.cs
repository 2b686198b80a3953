using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the Switch activity type (what the validator needs); <c>SwitchActivity</c> runs it.</summary>
public class SwitchDescription : IActivityDescription
{
    public string Type => "Switch";
    public string Description => "Continues through the port named after the first case whose condition holds (all of them with mode 'all'), else Default.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("mode", "first (default) or all.", InputSchemas.Enum("first", "all"), LiteralOnly: true)];
    public IReadOnlyList<string> Settings => ["cases"];
    public IReadOnlyList<string> Ports(ActivityNode node) =>
        [.. Cases(node).Select(c => c.Name), Activities.Ports.Default];

    public static IReadOnlyList<(string Name, JsonNode? Condition, int Index)> Cases(ActivityNode node) =>
        (node.Input("cases") as JsonArray ?? []).Select((c, i) => ((string?)(c?["name"] as JsonValue) ?? "", c?["condition"], i)).ToList();
}
