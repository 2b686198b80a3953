using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Dashboards;
using Platform.Metadata.Kinds;

namespace Platform.Api.Metadata;

/// <summary>The tenant's dashboards (dashboards/&lt;id&gt;.json of its modules), each as the reader may see it (<see cref="DashboardAccess"/>).</summary>
internal static class DashboardEndpoints
{
    public static IResult List(HttpContext http)
    {
        var access = Access(http, out var runtime);
        var items = new JsonArray();
        foreach (var dashboard in runtime.Definitions.Documents(StandardDocumentKinds.Dashboard))
        {
            if (access.Charts(dashboard) is not { } charts) continue;
            items.Add(new JsonObject
            {
                ["id"] = dashboard.Id,
                ["label"] = JsonSerializer.SerializeToNode(dashboard.Label, DefinitionJson.Options),
                ["charts"] = charts.Count,
            });
        }
        return Json(new JsonObject { ["value"] = items });
    }

    public static IResult Get(HttpContext http, string id)
    {
        var access = Access(http, out var runtime);
        var dashboard = runtime.Definitions.Documents(StandardDocumentKinds.Dashboard).FirstOrDefault(d => d.Id == id);
        // Unknown and wholly unreadable answer alike, so the reply does not tell which dashboards exist.
        if (dashboard is null || access.Charts(dashboard) is not { } charts) return ProblemResults.NotFound($"There is no dashboard '{id}'.");
        var node = JsonSerializer.SerializeToNode(dashboard, DefinitionJson.Options)!.AsObject();
        node["charts"] = new JsonArray(charts.Select(Serialize).ToArray<JsonNode?>());
        return Json(node);
    }

    /// <summary>The dashboard's label for navigation, or null when the reader would find nothing on it.</summary>
    public static JsonNode? NavigationLabel(Runtime.TenantRuntime runtime, ScreenAccess screens, string id)
    {
        var dashboard = runtime.Definitions.Documents(StandardDocumentKinds.Dashboard).FirstOrDefault(d => d.Id == id);
        return dashboard is not null && new DashboardAccess(runtime, screens).Charts(dashboard) is not null
            ? JsonSerializer.SerializeToNode(dashboard.Label, DefinitionJson.Options)
            : null;
    }

    private static JsonObject Serialize(VisibleChart visible)
    {
        var node = JsonSerializer.SerializeToNode(visible.Chart, DefinitionJson.Options)!.AsObject();
        if (!visible.Refused) return node;
        // A refused chart keeps its place and title; what it would query stays on the server.
        foreach (var hidden in new[] { "filter", "groupBy", "measure" }) node.Remove(hidden);
        node["refused"] = true;
        return node;
    }

    private static DashboardAccess Access(HttpContext http, out Runtime.TenantRuntime runtime)
    {
        runtime = TenantEndpointFilter.Runtime(http);
        return new DashboardAccess(runtime, new ScreenAccess(runtime, Security.RequestActor.Of(http)));
    }

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(DefinitionJson.Options), "application/json; charset=utf-8");
}
