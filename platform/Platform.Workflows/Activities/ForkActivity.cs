using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>Fork: continues through every one of its <c>branches</c> (ports) at once; a Join further on brings them together.</summary>
public sealed class ForkActivity : ForkDescription, IActivityType
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.OutcomesOf(Ports(context.Node)));
}
