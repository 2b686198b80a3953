using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>GET /workflows/{id}/draft: the draft document as saved.</summary>
internal static class GetDraft
{
    public static async Task<IResult> HandleAsync(HttpContext http, string id)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        return await WorkflowDefinitionStore.FindAsync(runtime, id, WorkflowDefinitionStore.Draft, http.RequestAborted) is { } draft
            ? Results.Content(draft.Json, "application/json")
            : ApiProblems.NotFound($"The workflow '{id}' has no draft.");
    }
}
