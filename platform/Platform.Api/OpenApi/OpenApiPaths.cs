using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Api.OpenApi;

/// <summary>The operations of each generated endpoint, mirroring the routes in PlatformApiEndpoints.</summary>
internal static class OpenApiPaths
{
    public static void AddEntity(JsonObject paths, EntityDefinition entity)
    {
        var name = entity.Name;
        var schema = OpenApiDocumentBuilder.Pascal(name);
        var label = entity.PluralLabel?.Get() ?? name;
        paths[$"/data/{name}"] = new JsonObject
        {
            ["get"] = Operation($"list_{name}", $"List {label}", [name],
                [Query("$filter", "OData filter: eq ne gt ge lt le in, contains/startswith/endswith, and/or/not, null checks"),
                 Query("$orderby", "Comma-separated fields, each optionally 'desc'"),
                 Query("$top", "Page size (default 50, at most 1000)", "integer"), Query("$skip", "Rows to skip (at most 10,000; page deeper with $skiptoken)", "integer"),
                 Query("$skiptoken", "Continuation from @odata.nextLink"), Query("$select", "Fields to return"),
                 Query("$expand", "Lookup fields to return as records"), Query("$count", "true (capped at 1,000) or exact"),
                 Query("$apply", "OData aggregation, run in the database after $filter: filter(...)/compute(year(d) as y, month(d) as m)/" +
                                 "groupby((a,b),aggregate(x with sum|average|min|max|countdistinct as s, $count as n)) or aggregate(...), then " +
                                 "filter(s gt 100 and n ge 2) over the result's names (HAVING); " +
                                 "answers {\"value\":[{\"a\":...,\"s\":...}]}, $orderby and $top then apply to the result's names")],
                null, Responses(("200", "A page of records", ListSchema(schema)), ("400", "The query is not valid", null))),
            ["post"] = Operation($"create_{name}", $"Create a {name}", [name],
                [Header("Idempotency-Key", "Repeating a key (per user, for 24 hours) returns the created record as it is now and creates nothing new")],
                Ref(schema + "Input"), Responses(("201", "Created", Ref(schema)), ("409", "Conflict", null), ("422", "The record is not valid", null))),
        };
        paths[$"/data/{name}/bulk"] = new JsonObject
        {
            ["post"] = Operation($"bulk_{name}", $"Create or upsert up to 1,000 {label}, all or nothing", [name],
                [Header("Idempotency-Key", "Repeating a key (per user, for 24 hours) returns the first batch's counts and ids and writes nothing")],
                new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("records"),
                    ["properties"] = new JsonObject
                    {
                        ["mode"] = new JsonObject { ["enum"] = new JsonArray("create", "upsert") },
                        ["key"] = new JsonObject { ["type"] = "string", ["description"] = "Upsert key: id or a unique field" },
                        ["records"] = new JsonObject { ["type"] = "array", ["maxItems"] = 1000, ["items"] = Ref(schema + "Input") },
                    },
                },
                Responses(("200", "Written", new JsonObject { ["type"] = "object" }), ("422", "A record is not valid; nothing was written", null))),
            ["patch"] = Operation($"bulk_update_{name}", $"Update fields of up to 1,000 {label}, all or nothing", [name], [],
                new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("records"),
                    ["properties"] = new JsonObject
                    {
                        ["records"] = new JsonObject
                        {
                            ["type"] = "array", ["maxItems"] = 1000,
                            // The patch schema is closed (no id), so an item is described rather than composed from it.
                            ["items"] = new JsonObject
                            {
                                ["type"] = "object", ["required"] = new JsonArray("id"),
                                ["description"] = $"The id of the {name} and the fields to change, as in {OpenApiDocumentBuilder.Pascal(name)}Patch",
                                ["properties"] = new JsonObject { ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" } },
                            },
                        },
                    },
                },
                Responses(("200", "Updated: the count and the ids", new JsonObject { ["type"] = "object" }),
                    ("422", "A record is not valid, not found or not yours to update; nothing was written", null))),
        };
        var export = Responses(("200", "Every matching record, one CSV row each", null), ("400", "The query is not valid", null));
        export["200"]!["content"] = new JsonObject { ["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } };
        paths[$"/data/{name}/export"] = new JsonObject
        {
            ["get"] = Operation($"export_{name}", $"Export {label} as CSV", [name],
                [Query("$filter", "OData filter, as for the list"), Query("$orderby", "Sort order, as for the list"), Query("$select", "Columns to export")],
                null, export),
        };
        // A node has one parent: each operation gets its own copy of the id parameter.
        JsonObject Id() => Path("id", "uuid");
        paths[$"/data/{name}/{{id}}"] = new JsonObject
        {
            ["get"] = Operation($"get_{name}", $"Get a {name}", [name], [Id()], null,
                Responses(("200", "The record; ETag is its row version", Ref(schema)), ("404", "Not found", null))),
            ["patch"] = Operation($"update_{name}", $"Update fields of a {name}", [name], [Id(), Header("If-Match", "ETag from a read; a stale one is refused")],
                Ref(schema + "Patch"), Responses(("200", "Updated", Ref(schema)), ("412", "Changed by someone else", null), ("422", "Not valid", null))),
            ["delete"] = Operation($"delete_{name}", $"Delete a {name}", [name], [Id(), Header("If-Match", "ETag from a read")], null,
                Responses(("204", "Deleted", null), ("409", "Other records refer to it (restrict)", null))),
        };
        // "__" joins entity and relation in operation ids: no name may contain it, so ids never clash.
        foreach (var relation in entity.Relations)
        {
            paths[$"/data/{name}/{{id}}/{relation.Name}"] = new JsonObject
            {
                ["get"] = Operation($"list_{name}__{relation.Name}", $"List linked {relation.Target} records", [name], [Id()], null,
                    Responses(("200", "Linked records", ListSchema(OpenApiDocumentBuilder.Pascal(relation.Target))))),
                ["post"] = Operation($"link_{name}__{relation.Name}", $"Link a {relation.Target}", [name], [Id()],
                    new JsonObject { ["type"] = "object", ["required"] = new JsonArray("id"), ["properties"] = new JsonObject { ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" } } },
                    Responses(("201", "Linked", null), ("204", "Already linked", null))),
            };
            paths[$"/data/{name}/{{id}}/{relation.Name}/{{targetId}}"] = new JsonObject
            {
                ["delete"] = Operation($"unlink_{name}__{relation.Name}", $"Unlink a {relation.Target}", [name], [Id(), Path("targetId", "uuid")], null,
                    Responses(("204", "Unlinked", null), ("404", "Not linked", null))),
            };
        }
    }

    public static void AddMetadata(JsonObject paths)
    {
        paths["/metadata/entities"] = new JsonObject { ["get"] = Operation("list-entities", "The tenant's entity definitions", ["metadata"], [], null, Responses(("200", "Entity definitions", new JsonObject { ["type"] = "object" }))) };
        paths["/metadata/entities/{entity}"] = new JsonObject { ["get"] = Operation("get-entity", "One entity definition", ["metadata"], [Path("entity", null)], null, Responses(("200", "The definition", new JsonObject { ["type"] = "object" }))) };
        paths["/metadata/entities/{entity}/schema"] = new JsonObject { ["get"] = Operation("get-entity-schema", "The JSON Schema of a record", ["metadata"], [Path("entity", null)], null, Responses(("200", "JSON Schema", new JsonObject { ["type"] = "object" }))) };
        paths["/metadata/forms/{entity}"] = new JsonObject { ["get"] = Operation("get-form", "The entity's form (generated when no module gives one), without the fields the reader cannot read", ["metadata"], [Path("entity", null)], null, Responses(("200", "The form (form.schema.json) and generated", new JsonObject { ["type"] = "object" }))) };
        paths["/metadata/views/{entity}"] = new JsonObject { ["get"] = Operation("list-views", "The entity's views, the default first (generated when none is the default), without the fields the reader cannot read", ["metadata"], [Path("entity", null)], null, Responses(("200", "value: the views (view.schema.json), each with generated", new JsonObject { ["type"] = "object" }))) };
        paths["/metadata/navigation"] = new JsonObject { ["get"] = Operation("get-navigation", "The app's navigation: the modules' entries the reader may open", ["metadata"], [], null, Responses(("200", "value: entries with module and entity, label and view, or dashboard", new JsonObject { ["type"] = "object" }))) };
        paths["/metadata/dashboards"] = new JsonObject { ["get"] = Operation("list-dashboards", "The dashboards with a chart the reader may see", ["metadata"], [], null, Responses(("200", "value: id, label and the number of charts the reader may see", new JsonObject { ["type"] = "object" }))) };
        paths["/metadata/dashboards/{id}"] = new JsonObject { ["get"] = Operation("get-dashboard", "A dashboard (dashboard.schema.json) without the charts over entities the reader cannot read; charts over fields they do not read in full are refused", ["metadata"], [Path("id", null)], null, Responses(("200", "The dashboard; a refused chart has refused: true and no query", new JsonObject { ["type"] = "object" }), ("404", "No such dashboard, or none of its charts is the reader's", null))) };
        paths["/metadata/field-types"] = new JsonObject { ["get"] = Operation("list-field-types", "The field types, for building forms and field editors", ["metadata"], [], null, Responses(("200", "Every registered field type", Metadata.FieldTypeCatalog.ResponseSchema()))) };
        paths["/metadata/schemas/{kind}"] = new JsonObject { ["get"] = Operation("get-document-schema", "The JSON Schema of a document kind (entity, module, form...), with the registered field types", ["metadata"], [Path("kind", null)], null, Responses(("200", "JSON Schema", new JsonObject { ["type"] = "object" }))) };
    }

    internal static JsonObject Operation(string id, string summary, string[] tags, JsonNode[] parameters, JsonNode? body, JsonObject responses)
    {
        var operation = new JsonObject
        {
            ["operationId"] = id,
            ["summary"] = summary,
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()),
            ["parameters"] = new JsonArray(parameters),
            ["responses"] = responses,
        };
        if (body is not null) operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(body) };
        return operation;
    }

    internal static JsonObject Responses(params (string Status, string Description, JsonNode? Schema)[] responses)
    {
        var result = new JsonObject();
        foreach (var (status, description, schema) in responses)
        {
            var response = new JsonObject { ["description"] = description };
            if (schema is not null) response["content"] = Json(schema);
            else if (status[0] is '4' or '5') response["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("Problem") } };
            result[status] = response;
        }
        return result;
    }

    internal static JsonObject Json(JsonNode schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    internal static JsonObject ListSchema(string schema) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["@odata.count"] = new JsonObject { ["type"] = "integer" },
            ["@platform.countIsCapped"] = new JsonObject { ["type"] = "boolean" },
            ["value"] = new JsonObject { ["type"] = "array", ["items"] = Ref(schema) },
            ["@odata.nextLink"] = new JsonObject { ["type"] = "string" },
        },
    };

    internal static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    internal static JsonObject Query(string name, string description, string type = "string") =>
        new() { ["name"] = name, ["in"] = "query", ["description"] = description, ["schema"] = new JsonObject { ["type"] = type } };

    internal static JsonObject Header(string name, string description) =>
        new() { ["name"] = name, ["in"] = "header", ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" } };

    internal static JsonObject Path(string name, string? format)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (format is not null) schema["format"] = format;
        return new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = schema };
    }
}
