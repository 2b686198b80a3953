using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>
/// Switch: <c>cases</c> is a list of <c>{"name", "condition"}</c>; completes through the first case whose condition
/// holds (or every such case with <c>"mode": "all"</c>), else through Default.
/// </summary>
public sealed class SwitchActivity : SwitchDescription, IActivityType
{
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
