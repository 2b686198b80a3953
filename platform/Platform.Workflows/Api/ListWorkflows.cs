using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Api;

/// <summary>GET /workflows: every workflow with whether it has a draft, its newest published version and its trigger.</summary>
internal static class ListWorkflows
{
    public static async Task<IResult> HandleAsync(HttpContext http, ModuleWorkflowPublisher modules)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        await modules.EnsureAsync(runtime, http.RequestAborted);
        var stored = await WorkflowDefinitionStore.ListAsync(runtime, http.RequestAborted);
        var value = stored.GroupBy(w => w.WorkflowId).Select(g =>
        {
            var published = g.FirstOrDefault(w => w.Version > WorkflowDefinitionStore.Draft);
            var newest = JsonNode.Parse((published ?? g.First()).Json);
            return new
            {
                id = g.Key, label = newest?["label"], trigger = newest?["trigger"],
                hasDraft = g.Any(w => w.Version == WorkflowDefinitionStore.Draft), publishedVersion = published?.Version,
            };
        }).ToList();
        return Results.Json(new { value });
    }
}
