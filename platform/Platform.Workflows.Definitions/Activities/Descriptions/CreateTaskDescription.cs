using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the CreateTask activity type (what the validator needs); <c>CreateTaskActivity</c> runs it.</summary>
public class CreateTaskDescription : IActivityDescription
{
    /// <summary>The task entity's due date field, which <c>dueIn</c> sets (crm-core's task has it).</summary>
    public const string DueField = "due_at";

    public string Type => "CreateTask";
    public string Description => "Creates a task record (entity 'entity') with 'subject' and other 'values', due 'dueIn' from now, then assigns it to 'assignee'; its id goes to resultVariable.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("entity", "The task entity.", InputSchemas.String(), Required: true),
        new("subject", "The task's subject.", InputSchemas.String(), Required: true),
        new("assignee", "The user id the task is for: it is assigned to them (they own it).", InputSchemas.String()),
        new("dueIn", $"An ISO 8601 duration from the step's time on the workflow clock, written to the task's '{DueField}'.", InputSchemas.Duration()),
        new("values", "Other field values.", InputSchemas.Object()),
        new("resultVariable", "Where the task's id goes.", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
