using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>SetVariable: sets the variable <c>name</c> to <c>value</c>.</summary>
public sealed class SetVariableActivity : SetVariableDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = await context.RequiredStringAsync("name");
        var value = await context.InputAsync("value");
        context.State.Variables[name] = value?.DeepClone();
        return ActivityResult.Done(value?.DeepClone());
    }
}
