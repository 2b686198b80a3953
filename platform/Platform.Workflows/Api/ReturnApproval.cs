using Microsoft.AspNetCore.Http;
using Platform.Workflows.Activities.Approval;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Api;

/// <summary>
/// POST /approvals/{id}/return <c>{"to": "submitter" | "previous", "comment"}</c> (退回): to the submitter the approval
/// completes through Returned; to the previous step its approvers get the request again (from the first step, the submitter).
/// </summary>
internal static class ReturnApproval
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid id, ApprovalCommands commands)
    {
        var (body, problem) = await WorkflowRequests.ReadAsync(http);
        if (problem is not null) return problem;
        var to = WorkflowRequests.Text(body, "to") ?? ApprovalAction.ToSubmitter;
        if (to is not (ApprovalAction.ToSubmitter or ApprovalAction.ToPrevious)) return ApprovalAnswers.Invalid("/to", "must be \"submitter\" or \"previous\"");
        var (comment, badComment) = ApprovalAnswers.Comment(body);
        if (badComment is not null) return badComment;
        return await ApprovalAnswers.ActAsync(http, id, commands, (task, caller) => new ApprovalAction(ApprovalAction.Return, task.Id, caller, comment, To: to));
    }
}
