using Microsoft.AspNetCore.Http;
using Platform.Workflows.Activities.Approval;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Api;

/// <summary>POST /approvals/{id}/decision <c>{"outcome": "approve" | "reject", "comment"}</c>: the assignee decides their task.</summary>
internal static class DecideApproval
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid id, ApprovalCommands commands)
    {
        var (body, problem) = await WorkflowRequests.ReadAsync(http);
        if (problem is not null) return problem;
        var outcome = WorkflowRequests.Text(body, "outcome");
        if (outcome is not (ApprovalAction.Approve or ApprovalAction.Reject)) return ApprovalAnswers.Invalid("/outcome", "must be \"approve\" or \"reject\"");
        var (comment, badComment) = ApprovalAnswers.Comment(body);
        if (badComment is not null) return badComment;
        return await ApprovalAnswers.ActAsync(http, id, commands, (task, caller) => new ApprovalAction(outcome, task.Id, caller, comment));
    }
}
