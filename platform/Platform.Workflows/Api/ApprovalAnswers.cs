using Microsoft.AspNetCore.Http;
using Platform.Api.Auth;
using Platform.Api.Tenants;
using Platform.Workflows.Activities.Approval;
using Platform.Workflows.Approvals;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>Runs an approval action for the signed-in user and answers the task, or the problem: 404, 403, 409.</summary>
internal static class ApprovalAnswers
{
    public static Guid? Caller(HttpContext http) => UserPrincipal.UserId(http.User);

    public static IResult NoUser() =>
        ApiProblems.Of(StatusCodes.Status403Forbidden, "Forbidden", "Approvals are for signed-in users.", "forbidden");

    public static IResult Invalid(string pointer, string message) =>
        ApiProblems.Validation([new Platform.Records.Validation.FieldError(pointer, message)], "The request is not valid");

    public static async Task<IResult> ActAsync(HttpContext http, Guid id, ApprovalCommands commands, Func<ApprovalTask, Guid, ApprovalAction> action)
    {
        if (Caller(http) is not { } caller) return NoUser();
        var result = await commands.ActAsync(TenantEndpointFilter.Runtime(http), id, caller, task => action(task, caller), http.RequestAborted);
        return result.Status switch
        {
            ApprovalCommandStatus.Done => Results.Json(ApprovalJson.Of(result.Task!)),
            ApprovalCommandStatus.NotFound => ApiProblems.NotFound($"There is no approval task {id}."),
            ApprovalCommandStatus.Forbidden => ApiProblems.Of(StatusCodes.Status403Forbidden, "Forbidden",
                "This approval task is not assigned to you (only its submitter may withdraw it).", "forbidden"),
            ApprovalCommandStatus.Decided => ApiProblems.Of(StatusCodes.Status409Conflict, "Conflict",
                $"The approval task {id} is {result.Task!.Status} already.", "conflict", new Dictionary<string, object?> { ["status"] = result.Task.Status }),
            ApprovalCommandStatus.NotWaiting => ApiProblems.Of(StatusCodes.Status409Conflict, "Conflict",
                "The workflow instance of this task is no longer waiting for it.", "conflict"),
            ApprovalCommandStatus.Busy => ApiProblems.Of(StatusCodes.Status409Conflict, "Conflict",
                "The workflow instance is busy on a host right now; try again shortly.", "conflict"),
            _ => ApiProblems.Of(StatusCodes.Status409Conflict, "Conflict",
                "The workflow instance faulted applying this action (see its incidents); the task is still pending.", "workflow-faulted"),
        };
    }

    /// <summary>The optional comment of a body, at most 4000 characters.</summary>
    public static (string? Comment, IResult? Problem) Comment(System.Text.Json.Nodes.JsonNode? body)
    {
        if (body?["comment"] is not { } node) return (null, null);
        if (node is not System.Text.Json.Nodes.JsonValue value || !value.TryGetValue<string>(out var text)) return (null, Invalid("/comment", "must be a text"));
        return text.Length > 4000 ? (null, Invalid("/comment", "must be at most 4000 characters")) : (text, null);
    }
}
