using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>If: completes through True or False by the truth of <c>condition</c>.</summary>
public sealed class IfActivity : IfDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ActivityResult.Outcome(JsonTruth.IsTrue(await context.InputAsync("condition")) ? Activities.Ports.True : Activities.Ports.False);
}
