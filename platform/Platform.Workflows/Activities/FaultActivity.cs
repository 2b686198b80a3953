using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>Fault: faults the instance with <c>message</c>, creating an incident an administrator can retry or cancel.</summary>
public sealed class FaultActivity : IActivityType
{
    public string Type => "Fault";
    public string Description => "Faults the instance with 'message' (an incident is created).";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("message", "Why.", InputSchemas.String(), Required: true)];
    public IReadOnlyList<string> Ports(ActivityNode node) => [];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new WorkflowActivityException(await context.StringAsync("message") ?? "Faulted by the workflow.");
}
