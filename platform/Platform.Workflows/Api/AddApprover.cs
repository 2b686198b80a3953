using Microsoft.AspNetCore.Http;
using Platform.Workflows.Activities.Approval;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Api;

/// <summary>
/// POST /approvals/{id}/add-approver <c>{"userId", "position": "before" | "after", "comment"}</c> (加签): before — the
/// added user decides first and then the caller's step is asked again; after — the caller still decides, and once their
/// step approves, the added user must approve too.
/// </summary>
internal static class AddApprover
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid id, ApprovalCommands commands)
    {
        var (body, problem) = await WorkflowRequests.ReadAsync(http);
        if (problem is not null) return problem;
        var position = WorkflowRequests.Text(body, "position") ?? ApprovalAction.After;
        if (position is not (ApprovalAction.Before or ApprovalAction.After)) return ApprovalAnswers.Invalid("/position", "must be \"before\" or \"after\"");
        var (target, badTarget) = await ApprovalTargets.ReadAsync(http, body);
        if (badTarget is not null) return badTarget;
        var (comment, badComment) = ApprovalAnswers.Comment(body);
        if (badComment is not null) return badComment;
        return await ApprovalAnswers.ActAsync(http, id, commands,
            (task, caller) => new ApprovalAction(ApprovalAction.AddApprover, task.Id, caller, comment, Target: target, Position: position));
    }
}
