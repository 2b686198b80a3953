using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>
/// What the validator knows of an activity type without running it: its name, inputs (each with a JSON Schema for its
/// literal value) and the ports it completes through. The runtime's <c>IActivityType</c> extends it with execution, so
/// the CLI validates workflows from descriptions alone.
/// </summary>
public interface IActivityDescription
{
    /// <summary>The <c>type</c> of nodes in workflow documents, e.g. <c>UpdateRecord</c>.</summary>
    string Type { get; }

    string Description { get; }

    IReadOnlyList<ActivityInput> Inputs { get; }

    /// <summary>The outbound ports of this node (most types have fixed ports; Switch names one per case).</summary>
    IReadOnlyList<string> Ports(ActivityNode node);

    /// <summary>Properties of a node that are not inputs (ids, cases) and which it must have, checked by the validator.</summary>
    IReadOnlyList<string> Settings => [];
}
