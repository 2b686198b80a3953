using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>Finish: ends the instance now; pending branches and waiting activities are dropped.</summary>
public sealed class FinishActivity : FinishDescription, IActivityType
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.Finish());
}
