using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities.Approval;

/// <summary>The description of the Approval activity type (what the validator needs); <c>ApprovalActivity</c> runs it.</summary>
public class ApprovalDescription : IActivityDescription
{
    public const string TypeName = "Approval";
    public const string SubmitterManager = "submitterManager";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string TimedOut = "TimedOut";
    public const string Returned = "Returned";
    public const string Withdrawn = "Withdrawn";

    public string Type => TypeName;
    public string Description =>
        "Waits for 'approvers' to decide ('mode' any, all, sequence or quorum); completes through Approved, Rejected, Returned (to the submitter), " +
        "Withdrawn (by the submitter) or TimedOut after 'timeout'.";

    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("approvers", "Who approves: a list of {\"user\"}, {\"role\"}, {\"team\"} or {\"expression\"} (e.g. manager(record.owner)); in sequence mode, one entry per step.",
            ApprovalInputSchemas.Approvers(), Required: true),
        new("mode", "any (the first decision), all (everyone approves), sequence (each entry in turn) or quorum (see 'quorum').",
            InputSchemas.Enum([.. ApprovalModes.Names]), LiteralOnly: true),
        new("quorum", "In quorum mode, how many approvals approve.", ApprovalInputSchemas.Quorum(), LiteralOnly: true),
        new("subject", "What the approvers are asked (shown in their inbox).", InputSchemas.String()),
        new("timeout", "ISO 8601 duration after which the approval completes through TimedOut.", InputSchemas.Duration()),
        new("fallback", "Who approves when an entry resolves to nobody: {\"role\": name} or \"submitterManager\".", ApprovalInputSchemas.Fallback(), LiteralOnly: true),
        new("skipSubmitter", "Pass a step whose approver is the submitter.", InputSchemas.Boolean(), LiteralOnly: true),
        new("cc", "Watchers notified when the approval starts (抄送), in the shape of 'approvers'.", ApprovalInputSchemas.Approvers()),
    ];

    public IReadOnlyList<string> Ports(ActivityNode node) => [Approved, Rejected, Returned, Withdrawn, TimedOut];
}
