using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>If: completes through True or False by the truth of <c>condition</c>.</summary>
public sealed class IfActivity : IActivityType
{
    public string Type => "If";
    public string Description => "Continues through True when the condition holds, else through False.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("condition", "Usually an expression; its JavaScript truth decides the port.", InputSchemas.Any(), Required: true)];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.True, Activities.Ports.False];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ActivityResult.Outcome(JsonTruth.IsTrue(await context.InputAsync("condition")) ? Activities.Ports.True : Activities.Ports.False);
}
