using System.Text.Json.Nodes;

namespace Platform.Workflows.Activities;

/// <summary>
/// One kind of activity: its description (inputs with JSON Schemas, ports; see <see cref="IActivityDescription"/>)
/// and what executing (and, for a blocking activity, resuming) does. Register implementations with
/// <see cref="WorkflowServices.AddWorkflowActivity{T}"/>, so plugins add types the same way the built-ins are added.
/// </summary>
public interface IActivityType : IActivityDescription
{
    Task<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Called when a bookmark this activity created is resumed (a timer fired, a decision arrived).</summary>
    Task<ActivityResult> ResumeAsync(ActivityContext context, JsonNode? payload) => Task.FromResult(ActivityResult.Done());
}
