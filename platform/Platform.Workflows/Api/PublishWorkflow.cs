using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;
using Platform.Workflows.Validation;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>
/// POST /workflows/{id}/publish: publishes the draft as the next version (re-validated against the definitions as they
/// are now). New instances and triggers use it; running instances keep the version they started on.
/// </summary>
internal static class PublishWorkflow
{
    public static async Task<IResult> HandleAsync(HttpContext http, string id, WorkflowValidator validator)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        if (await WorkflowDefinitionStore.FindAsync(runtime, id, WorkflowDefinitionStore.Draft, http.RequestAborted) is not { } draft)
            return ApiProblems.NotFound($"The workflow '{id}' has no draft to publish.");
        var errors = validator.Validate(draft.Json, WorkflowRequests.FileOf(id), id, runtime.Definitions);
        if (errors.Count > 0) return WorkflowRequests.Invalid(errors);
        var version = await WorkflowDefinitionStore.PublishAsync(runtime, id, draft.Json, http.RequestAborted);
        return Results.Json(new { id, version });
    }
}
