using Microsoft.AspNetCore.Http;
using Platform.Api.Auth;
using Platform.Api.Tenants;
using Platform.Workflows.Approvals;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>
/// GET /approvals/requests?status=&amp;$top=&amp;user=: the approvals the signed-in user submitted, newest first, with where
/// each stands and who must decide now. <c>user</c> (someone else's) is for tenant administrators only.
/// </summary>
internal static class ListMyRequests
{
    private const int DefaultTop = 100;
    private const int MaxTop = 500;

    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        if (ApprovalAnswers.Caller(http) is not { } caller) return ApprovalAnswers.NoUser();
        var runtime = TenantEndpointFilter.Runtime(http);
        var query = http.Request.Query;
        var errors = new List<(string, string)>();
        var submitter = caller;
        if (query["user"] is { Count: > 0 } userText && (!Guid.TryParse(userText, out submitter))) errors.Add(("user", "must be a user id (UUID)"));
        string? status = query["status"] is { Count: > 0 } statusText ? statusText.ToString() : null;
        if (status is not null && !ApprovalRequestStatus.All.Contains(status)) errors.Add(("status", $"must be one of {string.Join(", ", ApprovalRequestStatus.All)}"));
        var top = DefaultTop;
        if (query["$top"] is { Count: > 0 } topText && (!int.TryParse(topText, out top) || top < 1 || top > MaxTop))
            errors.Add(("$top", $"must be a whole number from 1 to {MaxTop}"));
        if (errors.Count > 0) return ApiProblems.BadQuery(errors);
        if (submitter != caller && !AdministersTenant.Includes(http.User, runtime))
            return ApiProblems.Of(StatusCodes.Status403Forbidden, "Forbidden", "Only an administrator may list another user's requests.", "forbidden");
        var requests = await ApprovalRequestStore.OfSubmitterAsync(runtime, submitter, status, top, http.RequestAborted);
        return Results.Json(new { value = requests.Select(Of).ToList() });
    }

    private static object Of(ApprovalRequest request) => new
    {
        instanceId = request.InstanceId, workflow = request.WorkflowId, activity = request.ActivityId, subject = request.Subject,
        entity = request.Entity, recordId = request.RecordId, submitter = request.Submitter, status = request.Status,
        submittedAt = request.SubmittedAt, decidedAt = request.DecidedAt, dueAt = request.DueAt,
        // Withdrawing any pending task withdraws the whole request (POST /approvals/{taskId}/withdraw).
        withdrawTaskId = request.Status == ApprovalRequestStatus.Pending ? request.Pending.Select(t => (Guid?)t.Id).FirstOrDefault() : null,
        currentApprovers = request.Status == ApprovalRequestStatus.Pending ? request.Pending.Select(t => t.Assignee).Distinct().ToList() : [],
        tasks = request.Tasks.Select(t => new
        {
            id = t.Id, assignee = t.Assignee, onBehalfOf = t.OriginalAssignee, status = t.Status, comment = t.Comment, createdAt = t.CreatedAt, decidedAt = t.DecidedAt,
        }).ToList(),
    };
}
