using Platform.Workflows.Approvals;

namespace Platform.Workflows.Activities.Approval;

public enum StepDecision { Pending, Approved, Rejected }

/// <summary>
/// How one step's votes decide it: any (或签) — the first decision; all (会签) — every approver approves, one
/// rejection rejects; quorum — N approvals, rejected once N can no longer be reached. Transferred, returned and
/// cancelled tasks do not vote (a transfer's new task votes instead).
/// </summary>
public static class ApprovalPolicy
{
    public static StepDecision Decide(ApprovalStep step, IReadOnlyList<ApprovalVote> votes, int quorum)
    {
        var approved = votes.Count(v => v.Status == ApprovalTaskStatus.Approved);
        var rejected = votes.Count(v => v.Status == ApprovalTaskStatus.Rejected);
        var pending = votes.Count(v => v.Status == ApprovalTaskStatus.Pending);
        return step.Mode switch
        {
            ApprovalModes.All => rejected > 0 ? StepDecision.Rejected : pending == 0 && approved > 0 ? StepDecision.Approved : StepDecision.Pending,
            ApprovalModes.Quorum => approved >= quorum ? StepDecision.Approved : approved + pending < quorum ? StepDecision.Rejected : StepDecision.Pending,
            _ => approved > 0 ? StepDecision.Approved : rejected > 0 ? StepDecision.Rejected : StepDecision.Pending,
        };
    }
}
