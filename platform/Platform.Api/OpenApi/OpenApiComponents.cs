using System.Text.Json.Nodes;
using static Platform.Api.OpenApi.OpenApiPaths;

namespace Platform.Api.OpenApi;

/// <summary>The component schemas of the routes that are not records: users, keys, tokens, audit entries, shares, actions.</summary>
internal static class OpenApiComponents
{
    public static void Add(JsonObject schemas)
    {
        schemas["Credentials"] = Object(["username", "password"], ("username", Type("string")), ("password", Type("string")));
        schemas["Token"] = Object([], ("access_token", Type("string")), ("token_type", Type("string")), ("expires_in", Type("integer")));
        // A node has one parent: each schema gets its own copies.
        (string, JsonNode)[] UserFields() =>
        [
            ("display_name", Type("string", "null")), ("email", Type("string", "null")), ("business_unit", Type("string", "null")),
            ("teams", Strings()), ("roles", Strings()), ("manager_id", Uuid(nullable: true)), ("is_active", Type("boolean")),
        ];
        schemas["User"] = Object([],
        [
            ("id", Uuid()), ("user_name", Type("string")), .. UserFields(), ("locked_until", DateTime(nullable: true)),
            ("created_at", DateTime()), ("modified_at", DateTime()),
        ]);
        schemas["CurrentUser"] = Object([],
        [
            ("id", Uuid()), ("user_name", Type("string")), .. UserFields(), ("locked_until", DateTime(nullable: true)),
            ("created_at", DateTime()), ("modified_at", DateTime()), ("administrator", Type("boolean")),
        ]);
        schemas["UserInput"] = Closed(Object(["user_name", "password"], [("user_name", Type("string")), ("password", Type("string")), .. UserFields()]));
        schemas["UserPatch"] = Closed(Object([], UserFields()));
        (string, JsonNode)[] KeyFields() => [("id", Uuid()), ("name", Type("string")), ("prefix", Type("string")), ("user_id", Uuid()), ("created_at", DateTime())];
        schemas["ApiKey"] = Object([], [.. KeyFields(), ("revoked_at", DateTime(nullable: true))]);
        schemas["NewApiKey"] = Object([], [.. KeyFields(), ("key", Type("string"))]);
        schemas["AuditEntry"] = Object([],
            ("id", Type("string")), ("occurred_at", DateTime()), ("action", Type("string")), ("actor_id", Uuid(nullable: true)),
            ("actor_name", Type("string", "null")), ("client_address", Type("string", "null")), ("entity", Type("string", "null")),
            ("record_id", Uuid(nullable: true)), ("changes", Type("object", "null")), ("details", Type("object", "null")));
        schemas["AuditPage"] = Object([],
            ("value", new JsonObject { ["type"] = "array", ["items"] = Ref("AuditEntry") }), ("@odata.nextLink", Type("string")));
        var rights = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["enum"] = new JsonArray("read", "update") } };
        schemas["Share"] = Object([],
            ("user", Type("string")), ("team", Type("string")), ("rights", rights.DeepClone()), ("sharedAt", DateTime()), ("sharedBy", Uuid(nullable: true)));
        schemas["ShareRequest"] = Closed(Object([], ("user", Uuid()), ("team", Type("string")), ("rights", rights)));
        schemas["ShareRequest"]!["description"] = "Exactly one of user (a user id) or team (a team name); every share grants read, \"update\" adds update.";
        schemas["ActionResult"] = Object([], ("result", new JsonObject()), ("report", Type("object")));
    }

    private static JsonObject Object(string[] required, params (string Name, JsonNode Schema)[] properties)
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Schema))),
        };
        if (required.Length > 0) schema["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());
        return schema;
    }

    /// <summary>Bodies whose unknown members are refused.</summary>
    private static JsonObject Closed(JsonObject schema)
    {
        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonObject Type(params string[] types) =>
        new() { ["type"] = types.Length == 1 ? types[0] : new JsonArray(types.Select(t => (JsonNode)t).ToArray()) };

    private static JsonObject Uuid(bool nullable = false)
    {
        var schema = nullable ? Type("string", "null") : Type("string");
        schema["format"] = "uuid";
        return schema;
    }

    private static JsonObject DateTime(bool nullable = false)
    {
        var schema = nullable ? Type("string", "null") : Type("string");
        schema["format"] = "date-time";
        return schema;
    }

    private static JsonObject Strings() => new() { ["type"] = "array", ["items"] = Type("string") };
}
