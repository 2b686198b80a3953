using System.Text.Json.Nodes;
using Platform.Api.OpenApi;
using static Platform.Api.OpenApi.OpenApiParts;

namespace Platform.Api.Views;

/// <summary>The saved-view routes in the tenant's OpenAPI document.</summary>
public sealed class ViewOpenApi : IOpenApiContributor
{
    public void Add(JsonObject paths, JsonObject schemas)
    {
        var tags = new[] { "views" };
        schemas["SavedView"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "A view as the list screen uses it: the view document's properties, its scope (shared or personal) and its etag",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string" },
                ["scope"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("shared", "personal") },
                ["etag"] = new JsonObject { ["type"] = "string" },
            },
        };
        schemas["SavedViewInput"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("label", "columns"),
            ["properties"] = new JsonObject
            {
                ["label"] = new JsonObject { ["description"] = "A text or an object of locale to text" },
                ["columns"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["field"] = new JsonObject { ["type"] = "string" }, ["width"] = new JsonObject { ["type"] = "integer" } } } },
                ["filter"] = new JsonObject { ["type"] = "string", ["description"] = "An OData $filter expression" },
                ["sort"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["field"] = new JsonObject { ["type"] = "string" }, ["direction"] = new JsonObject { ["enum"] = new JsonArray("asc", "desc") } } } },
                ["kanban"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["groupBy"] = new JsonObject { ["type"] = "string" }, ["cardFields"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } } } },
            },
        };
        JsonObject Entity() => Path("entity", null);
        JsonObject One() => Ref("SavedView");
        JsonObject Input() => Ref("SavedViewInput");
        paths["/views/{entity}"] = new JsonObject
        {
            ["get"] = Operation("list-saved-views", "The entity's shared views and the caller's personal views", tags, [Entity()], null,
                Responses(("200", "Views", new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "array", ["items"] = One() }, ["maySaveShared"] = new JsonObject { ["type"] = "boolean", ["description"] = "Whether the caller may save over or reset the shared views" } } }), ("404", "No such entity, or not readable", null))),
        };
        paths["/views/{entity}/personal"] = new JsonObject
        {
            ["post"] = Operation("create-personal-view", "Save a personal view of the caller", tags, [Entity()], Input(),
                Responses(("201", "Saved", One()), ("400", "The body is not JSON", null), ("422", "The view names fields that do not exist or the caller may not read", null))),
        };
        paths["/views/{entity}/personal/{id}"] = new JsonObject
        {
            ["put"] = Operation("replace-personal-view", "Replace one of the caller's personal views (If-Match optional)", tags, [Entity(), Path("id", "uuid")], Input(),
                Responses(("200", "Saved", One()), ("404", "The caller has no such view", null), ("412", "Changed meanwhile", null), ("422", "The view is not valid", null))),
            ["delete"] = Operation("delete-personal-view", "Delete one of the caller's personal views", tags, [Entity(), Path("id", "uuid")], null,
                Responses(("204", "Deleted", null), ("404", "The caller has no such view", null), ("412", "Changed meanwhile", null))),
        };
        paths["/views/{entity}/shared/{viewId}"] = new JsonObject
        {
            ["put"] = Operation("replace-shared-view", "Save over a shared view for the whole tenant (administrators; If-Match required)", tags, [Entity(), Path("viewId", null)], Input(),
                Responses(("200", "Saved", One()), ("403", "Only for administrators", null), ("404", "No such shared view", null),
                    ("412", "Someone else saved the view meanwhile", null), ("422", "The view is not valid", null), ("428", "If-Match is missing", null))),
            ["delete"] = Operation("reset-shared-view", "Drop the tenant's saved version of a shared view: the module's document shows again (administrators; If-Match required)", tags, [Entity(), Path("viewId", null)], null,
                Responses(("204", "Reset (or nothing to reset)", null), ("403", "Only for administrators", null), ("404", "No such shared view", null),
                    ("412", "Someone else saved the view meanwhile", null), ("428", "If-Match is missing", null))),
        };
    }
}
