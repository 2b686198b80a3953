using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>SetVariable: sets the variable <c>name</c> to <c>value</c>.</summary>
public sealed class SetVariableActivity : IActivityType
{
    public string Type => "SetVariable";
    public string Description => "Sets a workflow variable.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("name", "The variable.", InputSchemas.String(), Required: true, LiteralOnly: true),
        new("value", "The new value.", InputSchemas.Any(), Required: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = await context.RequiredStringAsync("name");
        var value = await context.InputAsync("value");
        context.State.Variables[name] = value?.DeepClone();
        return ActivityResult.Done(value?.DeepClone());
    }
}
