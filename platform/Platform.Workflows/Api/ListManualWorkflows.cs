using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Api;

/// <summary>
/// GET /workflows/manual?entity=: the published workflows a user may start by hand on a record of the entity (trigger
/// <c>manual</c> with that entity), as id and label only. For any signed-in user: record forms show them as "Start"
/// buttons; the full list with drafts and triggers stays with administrators.
/// </summary>
internal static class ListManualWorkflows
{
    public static async Task<IResult> HandleAsync(HttpContext http, ModuleWorkflowPublisher modules)
    {
        if (http.Request.Query["entity"].ToString() is not { Length: > 0 } entity)
            return ProblemResults.BadQuery([("entity", "name the entity whose manual workflows to list")]);
        var runtime = TenantEndpointFilter.Runtime(http);
        await modules.EnsureAsync(runtime, http.RequestAborted);
        var published = await WorkflowDefinitionStore.AllLatestPublishedAsync(runtime, http.RequestAborted);
        var value = published
            .Select(w => (w.WorkflowId, Doc: JsonNode.Parse(w.Json)))
            .Where(w => (string?)w.Doc?["trigger"]?["type"] == "manual" && (string?)w.Doc?["trigger"]?["entity"] == entity)
            .Select(w => new { id = w.WorkflowId, label = w.Doc?["label"]?.DeepClone() })
            .OrderBy(w => w.id, StringComparer.Ordinal)
            .ToList();
        return Results.Json(new { value });
    }
}
