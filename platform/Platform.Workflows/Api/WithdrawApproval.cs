using Microsoft.AspNetCore.Http;
using Platform.Workflows.Activities.Approval;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Api;

/// <summary>POST /approvals/{id}/withdraw <c>{"comment"}</c> (撤回): the submitter withdraws a pending approval; it completes through Withdrawn.</summary>
internal static class WithdrawApproval
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid id, ApprovalCommands commands)
    {
        var (body, problem) = await WorkflowRequests.ReadAsync(http);
        if (problem is not null) return problem;
        var (comment, badComment) = ApprovalAnswers.Comment(body);
        if (badComment is not null) return badComment;
        return await ApprovalAnswers.ActAsync(http, id, commands, (task, caller) => new ApprovalAction(ApprovalAction.Withdraw, task.Id, caller, comment));
    }
}
