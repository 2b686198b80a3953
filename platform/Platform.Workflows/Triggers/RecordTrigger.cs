using Platform.Scripting;
using Platform.Workflows.Definitions;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Triggers;

/// <summary>
/// One published workflow's record trigger, ready to test: the parsed definition, the fields it watches and its
/// condition's wrapped source (prepared once, not per event).
/// </summary>
public sealed record RecordTrigger(StoredWorkflow Stored, WorkflowDefinition Definition, ScriptSource? Condition)
{
    /// <summary>Whether an update that changed these fields concerns the trigger (a trigger naming no fields watches every one).</summary>
    public bool Watches(IReadOnlyList<string> changedFields) =>
        Definition.Trigger.Fields.Count == 0 || Definition.Trigger.Fields.Any(changedFields.Contains);
}
