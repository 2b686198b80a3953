using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>
/// Switch: <c>cases</c> is a list of <c>{"name", "condition"}</c>; completes through the first case whose condition
/// holds (or every such case with <c>"mode": "all"</c>), else through Default.
/// </summary>
public sealed class SwitchActivity : IActivityType
{
    public string Type => "Switch";
    public string Description => "Continues through the port named after the first case whose condition holds (all of them with mode 'all'), else Default.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("mode", "first (default) or all.", InputSchemas.Enum("first", "all"), LiteralOnly: true)];
    public IReadOnlyList<string> Settings => ["cases"];

    public IReadOnlyList<string> Ports(ActivityNode node) =>
        [.. Cases(node).Select(c => c.Name), Activities.Ports.Default];

    public static IReadOnlyList<(string Name, JsonNode? Condition, int Index)> Cases(ActivityNode node) =>
        (node.Input("cases") as JsonArray ?? []).Select((c, i) => ((string?)(c?["name"] as JsonValue) ?? "", c?["condition"], i)).ToList();

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var all = (string?)(context.Node.Input("mode") as JsonValue) == "all";
        var matched = new List<string>();
        foreach (var (name, condition, _) in Cases(context.Node))
        {
            var value = await context.EvaluateAsync(condition, $"{context.Definition.Id}:{context.Node.Id}.cases.{name}");
            if (!JsonTruth.IsTrue(value)) continue;
            matched.Add(name);
            if (!all) break;
        }
        return ActivityResult.OutcomesOf(matched.Count > 0 ? matched : [Activities.Ports.Default]);
    }
}
