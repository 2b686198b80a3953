using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;

namespace Platform.Workflows.Api;

/// <summary>The <c>userId</c> a transfer or an added approver names: an active user of the tenant other than the caller.</summary>
internal static class ApprovalTargets
{
    public static async Task<(Guid Target, IResult? Problem)> ReadAsync(HttpContext http, System.Text.Json.Nodes.JsonNode? body)
    {
        var (id, bad) = WorkflowRequests.OptionalId(body, "userId");
        if (bad is not null) return (Guid.Empty, ApprovalAnswers.Invalid("/userId", "must be a user id (a UUID)"));
        if (id is not { } target) return (Guid.Empty, ApprovalAnswers.Invalid("/userId", "is required"));
        if (target == ApprovalAnswers.Caller(http)) return (Guid.Empty, ApprovalAnswers.Invalid("/userId", "must be another user than you"));
        var user = await Platform.Identity.Users.UserStore.FindAsync(TenantEndpointFilter.Runtime(http).Store.Database, target, http.RequestAborted);
        return user is { IsActive: true } ? (target, null) : (Guid.Empty, ApprovalAnswers.Invalid("/userId", $"there is no active user {target}"));
    }
}
