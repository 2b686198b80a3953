using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>
/// Join: the engine schedules it once every inbound connection's source has arrived (<c>mode</c> "all", the default),
/// or at the first arrival ("any"), when it also cancels what is still pending or waiting on the other branches.
/// </summary>
public sealed class JoinActivity : IActivityType
{
    public const string TypeName = "Join";

    public string Type => TypeName;
    public string Description => "Waits for all inbound branches (mode 'all') or the first one (mode 'any', which cancels the others), then continues through Done.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("mode", "all (default) or any.", InputSchemas.Enum("all", "any"), LiteralOnly: true)];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

    public static bool IsAny(ActivityNode node) => (string?)(node.Input("mode") as JsonValue) == "any";

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.Done());
}
