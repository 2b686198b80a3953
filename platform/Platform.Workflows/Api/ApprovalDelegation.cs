using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Approvals;
using Platform.Workflows.Runtime;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>
/// GET, PUT and DELETE /approvals/delegation: the signed-in user's out-of-office delegate (代理)
/// <c>{"delegateUserId", "from", "until"}</c>. Approval tasks assigned to them in that period go to the delegate, and
/// name them as whom the delegate acts for.
/// </summary>
internal static class ApprovalDelegation
{
    public static async Task<IResult> GetAsync(HttpContext http)
    {
        if (ApprovalAnswers.Caller(http) is not { } user) return ApprovalAnswers.NoUser();
        return await DelegationStore.FindAsync(TenantEndpointFilter.Runtime(http), user, http.RequestAborted) is { } delegation
            ? Results.Json(Json(delegation))
            : ApiProblems.NotFound("You have no delegation.");
    }

    public static async Task<IResult> PutAsync(HttpContext http, WorkflowEngine engine)
    {
        if (ApprovalAnswers.Caller(http) is not { } user) return ApprovalAnswers.NoUser();
        var (body, problem) = await WorkflowRequests.ReadAsync(http);
        if (problem is not null) return problem;
        var (delegate_, badDelegate) = await ApprovalTargets.ReadAsync(http, body is JsonObject o && o["delegateUserId"] is { } d ? new JsonObject { ["userId"] = d.DeepClone() } : new JsonObject());
        if (badDelegate is not null) return ApprovalAnswers.Invalid("/delegateUserId", "must name another active user of the tenant");
        if (Instant(body?["from"]) is not { } from) return ApprovalAnswers.Invalid("/from", "must be an ISO 8601 date-time");
        if (Instant(body?["until"]) is not { } until) return ApprovalAnswers.Invalid("/until", "must be an ISO 8601 date-time");
        if (until <= from) return ApprovalAnswers.Invalid("/until", "must be after 'from'");
        var delegation = new Delegation(user, delegate_, from, until);
        await DelegationStore.SaveAsync(TenantEndpointFilter.Runtime(http), delegation, engine.Now, http.RequestAborted);
        return Results.Json(Json(delegation));
    }

    public static async Task<IResult> DeleteAsync(HttpContext http)
    {
        if (ApprovalAnswers.Caller(http) is not { } user) return ApprovalAnswers.NoUser();
        return await DelegationStore.DeleteAsync(TenantEndpointFilter.Runtime(http), user, http.RequestAborted)
            ? Results.NoContent()
            : ApiProblems.NotFound("You have no delegation.");
    }

    private static object Json(Delegation d) => new { delegateUserId = d.DelegateUserId, from = d.From, until = d.Until };

    private static DateTime? Instant(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at.UtcDateTime
            : null;
}
