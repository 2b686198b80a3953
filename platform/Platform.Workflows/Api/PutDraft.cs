using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;
using Platform.Workflows.Validation;

namespace Platform.Workflows.Api;

/// <summary>
/// PUT /workflows/{id}/draft: replaces the draft with the body after validating it against the tenant's definitions;
/// an invalid document is refused with every problem (file, JSON pointer, why) and the stored draft stays as it was.
/// </summary>
internal static class PutDraft
{
    public static async Task<IResult> HandleAsync(HttpContext http, string id, WorkflowValidator validator)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var (body, problem) = await WorkflowRequests.ReadAsync(http);
        if (problem is not null) return problem;
        var json = body?.ToJsonString() ?? "";
        var errors = validator.Validate(json, WorkflowRequests.FileOf(id), id, runtime.Definitions);
        if (errors.Count > 0) return WorkflowRequests.Invalid(errors);
        await WorkflowDefinitionStore.SaveDraftAsync(runtime, id, json, http.RequestAborted);
        return Results.Json(new { id, draft = true });
    }
}
