using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>Fault: faults the instance with <c>message</c>, creating an incident an administrator can retry or cancel.</summary>
public sealed class FaultActivity : FaultDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new WorkflowActivityException(await context.StringAsync("message") ?? "Faulted by the workflow.");
}
