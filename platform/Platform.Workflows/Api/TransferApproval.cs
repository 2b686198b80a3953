using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Activities.Approval;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Api;

/// <summary>POST /approvals/{id}/transfer <c>{"userId", "comment"}</c> (转交): the task goes to another active user, who decides in the caller's place.</summary>
internal static class TransferApproval
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid id, ApprovalCommands commands)
    {
        var (body, problem) = await WorkflowRequests.ReadAsync(http);
        if (problem is not null) return problem;
        var (target, badTarget) = await ApprovalTargets.ReadAsync(http, body);
        if (badTarget is not null) return badTarget;
        var (comment, badComment) = ApprovalAnswers.Comment(body);
        if (badComment is not null) return badComment;
        return await ApprovalAnswers.ActAsync(http, id, commands, (task, caller) => new ApprovalAction(ApprovalAction.Transfer, task.Id, caller, comment, Target: target));
    }
}
