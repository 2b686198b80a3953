using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Records;

namespace Platform.Api.Metadata;

/// <summary>
/// The screens the web app draws: an entity's form and views (generated where no module gives one) and the navigation,
/// each as the reader may see it (<see cref="ScreenAccess"/>). An entity the reader cannot read answers 404, as records do.
/// </summary>
internal static class ScreenEndpoints
{
    public static IResult GetForm(HttpContext http, string entity)
    {
        var (runtime, access) = Context(http);
        var definition = Readable(runtime, access, entity);
        var (form, generated) = AppScreens.FormFor(runtime.Definitions, definition);
        var node = Serialize(access.Form(form));
        node["generated"] = generated;
        return Json(node);
    }

    public static IResult ListViews(HttpContext http, string entity)
    {
        var (runtime, access) = Context(http);
        var definition = Readable(runtime, access, entity);
        var views = new JsonArray();
        foreach (var (view, generated) in AppScreens.ViewsFor(runtime.Definitions, definition))
        {
            if (access.View(view) is not { } visible) continue;
            var node = Serialize(visible);
            node["generated"] = generated;
            views.Add(node);
        }
        return Json(new JsonObject { ["value"] = views });
    }

    public static IResult GetNavigation(HttpContext http)
    {
        var (runtime, access) = Context(http);
        var items = new JsonArray();
        foreach (var (module, item) in AppScreens.Navigation(runtime.Definitions))
        {
            var node = new JsonObject { ["module"] = module.Id };
            if (item.Dashboard is { } dashboard)
            {
                // Only a dashboard with a chart the reader may see.
                if (DashboardEndpoints.NavigationLabel(runtime, access, dashboard) is not { } label) continue;
                node["dashboard"] = dashboard;
                node["label"] = label;
            }
            else if (item.Entity is { } entity && runtime.FindEntity(entity) is { } definition && access.CanRead(entity))
            {
                node["entity"] = entity;
                node["label"] = Label(definition.PluralLabel ?? definition.Label, entity);
                var views = AppScreens.ViewsFor(runtime.Definitions, definition);
                var view = item.View is { } named ? views.FirstOrDefault(v => v.View.Id == named).View : null;
                // A named view the reader may not use falls back to the entity's default.
                node["view"] = (view is not null && access.View(view) is not null ? view : views.Select(v => v.View).FirstOrDefault(v => access.View(v) is not null))?.Id;
            }
            else continue;
            items.Add(node);
        }
        return Json(new JsonObject { ["value"] = items });
    }

    private static (Runtime.TenantRuntime Runtime, ScreenAccess Access) Context(HttpContext http)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        return (runtime, new ScreenAccess(runtime, Security.RequestActor.Of(http)));
    }

    private static EntityDefinition Readable(Runtime.TenantRuntime runtime, ScreenAccess access, string entity)
    {
        var definition = RecordService.Entity(runtime, entity);
        return access.CanRead(entity) ? definition : throw new RecordNotFoundException(entity, null);
    }

    private static JsonNode? Label(LocalizedText? label, string fallback) =>
        JsonSerializer.SerializeToNode(label ?? new LocalizedText(fallback), DefinitionJson.Options);

    private static JsonObject Serialize<T>(T document) => JsonSerializer.SerializeToNode(document, DefinitionJson.Options)!.AsObject();

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(DefinitionJson.Options), "application/json; charset=utf-8");
}
