using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>
/// Join: the engine schedules it once every inbound connection's source has arrived (<c>mode</c> "all", the default),
/// or at the first arrival ("any"), when it also cancels what is still pending or waiting on the other branches.
/// </summary>
public sealed class JoinActivity : JoinDescription, IActivityType
{
    public static bool IsAny(ActivityNode node) => (string?)(node.Input("mode") as JsonValue) == "any";

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.Done());
}
