using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the CreateTask activity type (what the validator needs); <c>CreateTaskActivity</c> runs it.</summary>
public class CreateTaskDescription : IActivityDescription
{
    public string Type => "CreateTask";
    public string Description => "Creates a task record (entity 'entity') owned by 'assignee' with 'subject' and other 'values'; its id goes to resultVariable.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("entity", "The task entity.", InputSchemas.String(), Required: true),
        new("subject", "The task's subject.", InputSchemas.String(), Required: true),
        new("assignee", "The user id the task is for (its owner).", InputSchemas.String()),
        new("values", "Other field values.", InputSchemas.Object()),
        new("resultVariable", "Where the task's id goes.", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
