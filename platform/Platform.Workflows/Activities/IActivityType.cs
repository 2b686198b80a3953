using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>
/// One kind of activity: its inputs (each with a JSON Schema for its literal value), the ports it completes through,
/// and what executing (and, for a blocking activity, resuming) does. Register implementations with
/// <see cref="WorkflowServices.AddWorkflowActivity{T}"/>, so plugins add types the same way the built-ins are added.
/// </summary>
public interface IActivityType
{
    /// <summary>The <c>type</c> of nodes in workflow documents, e.g. <c>UpdateRecord</c>.</summary>
    string Type { get; }

    string Description { get; }

    IReadOnlyList<ActivityInput> Inputs { get; }

    /// <summary>The outbound ports of this node (most types have fixed ports; Switch names one per case).</summary>
    IReadOnlyList<string> Ports(ActivityNode node);

    /// <summary>Properties of a node that are not inputs (ids, cases) and which it must have, checked by the validator.</summary>
    IReadOnlyList<string> Settings => [];

    Task<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Called when a bookmark this activity created is resumed (a timer fired, a decision arrived).</summary>
    Task<ActivityResult> ResumeAsync(ActivityContext context, JsonNode? payload) => Task.FromResult(ActivityResult.Done());
}

/// <summary>An input: a literal JSON value valid against <see cref="Schema"/>, or <c>{"expression": "js"}</c>, or <c>{"template": "..."}</c>.</summary>
public sealed record ActivityInput(string Name, string Description, JsonObject Schema, bool Required = false, bool LiteralOnly = false);

public static class Ports
{
    public const string In = "In";
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
}
