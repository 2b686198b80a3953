using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>GET /workflows/instances/{id}: an instance with its status, version, variables, journal and incidents.</summary>
internal static class GetInstance
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid id)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        if (await WorkflowStore.FindInstanceAsync(runtime, id, http.RequestAborted) is not { } row)
            return ApiProblems.NotFound($"There is no workflow instance {id}.");
        var state = InstanceState.Deserialize(row.State);
        var journal = await WorkflowStore.JournalAsync(runtime, id, http.RequestAborted);
        var incidents = await WorkflowStore.IncidentsAsync(runtime, id, http.RequestAborted);
        return Results.Json(new
        {
            instance = WorkflowResponses.Instance(row, state), variables = state.Variables,
            journal = journal.Select(WorkflowResponses.Journal), incidents = incidents.Select(WorkflowResponses.Incident),
        });
    }
}
