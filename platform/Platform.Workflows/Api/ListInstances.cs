using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>GET /workflows/instances?workflow=&amp;recordId=&amp;status=: the newest instances (at most 100) matching the filters.</summary>
internal static class ListInstances
{
    public static async Task<IResult> HandleAsync(HttpContext http, string? workflow, string? recordId, string? status)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        Guid? record = null;
        if (recordId is not null)
        {
            if (!Guid.TryParse(recordId, out var parsed)) return ApiProblems.BadQuery([("recordId", "must be a UUID")]);
            record = parsed;
        }
        if (status is not null && !WorkflowStatus.All.Contains(status))
            return ApiProblems.BadQuery([("status", $"must be one of {string.Join(", ", WorkflowStatus.All)}")]);
        var rows = await WorkflowStore.ListInstancesAsync(runtime, new InstanceFilter { WorkflowId = workflow, RecordId = record, Status = status }, http.RequestAborted);
        return Results.Json(new { value = rows.Select(r => WorkflowResponses.Instance(r, InstanceState.Deserialize(r.State))) });
    }
}
