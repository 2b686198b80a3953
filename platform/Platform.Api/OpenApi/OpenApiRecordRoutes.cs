using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using static Platform.Api.OpenApi.OpenApiPaths;

namespace Platform.Api.OpenApi;

/// <summary>The routes under one record beside its fields: audit timeline, assign, shares and custom actions.</summary>
internal static class OpenApiRecordRoutes
{
    public static void AddEntity(JsonObject paths, EntityDefinition entity)
    {
        var name = entity.Name;
        var record = $"/data/{name}/{{id}}";
        var schema = OpenApiDocumentBuilder.Pascal(name);
        JsonObject Id() => Path("id", "uuid");
        var notFound = ("404", "No such record, or not readable by the caller", (JsonNode?)null);

        paths[$"{record}/audit"] = new JsonObject
        {
            ["get"] = Operation($"audit_{name}", $"The {name}'s audit timeline, newest first", [name],
                [Id(), Query("$top", "Entries per page (default 50, at most 500)", "integer"), Query("$skiptoken", "Continuation from @odata.nextLink")],
                null, Responses(("200", "A page of audit entries", Ref("AuditPage")), ("400", "The query is not valid", null), notFound)),
        };
        paths[$"{record}/assign"] = new JsonObject
        {
            ["post"] = Operation($"assign_{name}", $"Give the {name} another owner", [name], [Id()],
                new JsonObject
                {
                    ["type"] = "object", ["required"] = new JsonArray("owner"),
                    ["properties"] = new JsonObject { ["owner"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The new owner's user id" } },
                },
                Responses(("200", "The record with its new owner", Ref(schema)), ("403", "The caller may not assign it", null), notFound,
                    ("422", "Not a user id", null))),
        };
        paths[$"{record}/shares"] = new JsonObject
        {
            ["get"] = Operation($"shares_{name}", $"Who the {name} is shared with", [name], [Id()], null,
                Responses(("200", "The record's shares", new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "array", ["items"] = Ref("Share") } },
                }), notFound)),
        };
        paths[$"{record}/share"] = new JsonObject
        {
            ["post"] = Operation($"share_{name}", $"Share the {name} with a user or a team", [name], [Id()], Ref("ShareRequest"),
                Responses(("204", "Shared", null), ("403", "The caller may not share it", null), notFound, ("422", "Not a valid share", null))),
        };
        paths[$"{record}/share/{{kind}}/{{name}}"] = new JsonObject
        {
            ["delete"] = Operation($"unshare_{name}", $"Revoke a share of the {name}", [name],
                [Id(), Enum(Path("kind", null), "user", "team"), Describe(Path("name", null), "The user id or the team name")], null,
                Responses(("204", "Revoked", null), ("403", "The caller may not share it", null), ("404", "No such record or share", null))),
        };
        foreach (var (actionName, action) in entity.Actions.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            paths[$"{record}/actions/{actionName}"] = new JsonObject
            {
                ["post"] = Operation($"action_{name}__{actionName}", action.Label?.Get() ?? $"Run the {actionName} action", [name], [Id()],
                    action.InputSchema?.DeepClone() ?? new JsonObject { ["type"] = "object" },
                    action.AvailableWhen is null
                        ? Responses(("200", "The script's result and its run report", Ref("ActionResult")), notFound,
                            ("422", "The input is not valid, or the script refused or failed; nothing was kept", null))
                        : Responses(("200", "The script's result and its run report", Ref("ActionResult")), notFound,
                            ("409", "The action is not available for this record (its availableWhen does not hold), or to the caller (it names a field they do not read in full); no script ran", null),
                            ("422", "The input is not valid, or the script refused or failed; nothing was kept", null))),
            };
        }
    }

    internal static JsonObject Enum(JsonObject parameter, params string[] values)
    {
        parameter["schema"]!["enum"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray());
        return parameter;
    }

    internal static JsonObject Describe(JsonObject parameter, string description)
    {
        parameter["description"] = description;
        return parameter;
    }
}
