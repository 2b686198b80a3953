using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using static Platform.Api.OpenApi.OpenApiPaths;

namespace Platform.Api.OpenApi;

/// <summary>
/// The tenant's routes that are not about one entity: sign-in, API keys, administration, privacy, this document. Their
/// operation ids are kebab-case, which entity names (and so the entities' operation ids) cannot be.
/// </summary>
internal static class OpenApiTenantRoutes
{
    public static void Add(JsonObject paths, DefinitionSet definitions)
    {
        AddAuth(paths);
        AddAdministration(paths);
        AddPrivacy(paths, definitions);
        paths["/metadata/security"] = new JsonObject
        {
            ["get"] = Operation("get-security", "Roles, teams and business units", ["metadata"], [], null,
                Responses(("200", "The security definitions", Object()), ("403", "Only for users with every privilege on every record", null))),
        };
        paths["/data"] = new JsonObject
        {
            ["get"] = Operation("get-odata-service", "OData service document: the entity sets the caller may read, each listed at /data/{entity}",
                ["metadata"], [], null, Responses(("200", "OData JSON service document", Object()))),
        };
        paths["/data/$metadata"] = new JsonObject
        {
            ["get"] = Operation("get-odata-metadata", "OData CSDL of the entities and fields the caller may read (XML; JSON with $format=json)",
                ["metadata"], [Query("$format", "json for CSDL JSON; XML otherwise")], null,
                Responses(("200", "CSDL (application/xml or application/json)", null))),
        };
        paths["/openapi.json"] = new JsonObject
        {
            ["get"] = Operation("get-openapi", "This document", ["metadata"], [], null, Responses(("200", "OpenAPI 3.1", Object()))),
        };
    }

    private static void AddAuth(JsonObject paths)
    {
        var refused = ("401", "Wrong user name or password, or the account is locked", (JsonNode?)null);
        paths["/auth/token"] = new JsonObject
        {
            ["post"] = Anonymous(Operation("get-token", "Sign in for a bearer token", ["auth"], [], Ref("Credentials"),
                Responses(("200", "A bearer token", Ref("Token")), ("400", "The body is not a JSON object", null), refused,
                    ("415", "The body is not JSON", null)))),
        };
        paths["/auth/login"] = new JsonObject
        {
            ["post"] = Anonymous(Operation("login", "Sign in for a session cookie (web client)", ["auth"], [], Ref("Credentials"),
                Responses(("200", "The signed-in user; the cookie is set", Ref("CurrentUser")), ("400", "The body is not a JSON object", null), refused,
                    ("415", "The body is not JSON", null)))),
        };
        paths["/auth/logout"] = new JsonObject
        {
            ["post"] = Operation("logout", "End the session", ["auth"], [], null, Responses(("204", "Signed out", null))),
        };
        paths["/auth/me"] = new JsonObject
        {
            ["get"] = Operation("me", "The signed-in user", ["auth"], [], null, Responses(("200", "The user", Ref("CurrentUser")))),
        };
        paths["/auth/api-keys"] = new JsonObject
        {
            ["get"] = Operation("list-api-keys", "The caller's API keys (an administrator's: everyone's), without secrets", ["auth"], [], null,
                Responses(("200", "API keys", ValueList(Ref("ApiKey"))))),
            ["post"] = Operation("create-api-key", "Create an API key acting as the caller; the secret is in this answer only", ["auth"], [],
                new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["name"] = new JsonObject { ["type"] = "string" } } },
                Responses(("201", "The key with its secret", Ref("NewApiKey")), ("400", "The body is not a JSON object", null),
                    ("415", "The body is not JSON", null), ("422", "Not valid", null))),
        };
        paths["/auth/api-keys/{id}"] = new JsonObject
        {
            ["delete"] = Operation("revoke-api-key", "Revoke an API key", ["auth"], [Path("id", "uuid")], null,
                Responses(("204", "Revoked", null), ("404", "No such key of the caller's", null))),
        };
    }

    private static void AddAdministration(JsonObject paths)
    {
        var admin = ("403", "Only for administrators", (JsonNode?)null);
        var bodyProblems = new (string, string, JsonNode?)[] { ("400", "The body is not a JSON object", null), ("415", "The body is not JSON", null), ("422", "Not valid", null) };
        JsonObject Id() => Path("id", "uuid");
        paths["/admin/users"] = new JsonObject
        {
            ["get"] = Operation("list-users", "The tenant's users", ["admin"], [], null, Responses(("200", "Users", ValueList(Ref("User"))), admin)),
            ["post"] = Operation("create-user", "Create a user with a password", ["admin"], [], Ref("UserInput"),
                Responses([("201", "Created", Ref("User")), admin, ("409", "The user name is taken", null), .. bodyProblems])),
        };
        paths["/admin/users/{id}"] = new JsonObject
        {
            ["get"] = Operation("get-user", "One user", ["admin"], [Id()], null, Responses(("200", "The user", Ref("User")), admin, ("404", "No such user", null))),
            ["patch"] = Operation("update-user", "Change a user's profile, membership or activity", ["admin"], [Id()], Ref("UserPatch"),
                Responses([("200", "Updated", Ref("User")), admin, ("404", "No such user", null), .. bodyProblems])),
        };
        paths["/admin/users/{id}/password"] = new JsonObject
        {
            ["post"] = Operation("reset-password", "Set a user's password", ["admin"], [Id()],
                new JsonObject { ["type"] = "object", ["required"] = new JsonArray("password"), ["properties"] = new JsonObject { ["password"] = new JsonObject { ["type"] = "string" } } },
                Responses([("204", "Set", null), admin, ("404", "No such user", null), .. bodyProblems])),
        };
        paths["/admin/users/{id}/unlock"] = new JsonObject
        {
            ["post"] = Operation("unlock-user", "Lift a lockout", ["admin"], [Id()], null, Responses(("204", "Unlocked", null), admin, ("404", "No such user", null))),
        };
        paths["/admin/audit"] = new JsonObject
        {
            ["get"] = Operation("list-audit", "The tenant's audit trail, newest first", ["admin"],
                [Query("action", "create, update, delete, login, share, ..."), Query("user", "The actor's user id"), Query("entity", "An entity name"),
                 Query("record", "A record id"), Query("from", "From this ISO time (inclusive)"), Query("to", "Up to this ISO time (exclusive)"),
                 Query("$top", "Entries per page (default 50, at most 500)", "integer"), Query("$skiptoken", "Continuation from @odata.nextLink")],
                null, Responses(("200", "A page of audit entries", Ref("AuditPage")), ("400", "The query is not valid", null), admin)),
        };
        paths["/admin/scripts"] = new JsonObject
        {
            ["get"] = Operation("script-summary", "Per script: runs, failures, time, statements, memory and crm calls", ["admin"], [], null,
                Responses(("200", "Figures per script", ValueList(Object())), admin)),
        };
        paths["/admin/scripts/runs"] = new JsonObject
        {
            ["get"] = Operation("script-runs", "The last runs, newest first, with their usage, limits, logs and error", ["admin"],
                [Query("script", "A script path, e.g. scripts/x.js"), Query("$top", "Runs to return (default 50)", "integer")], null,
                Responses(("200", "Runs", ValueList(Object())), ("400", "The query is not valid", null), admin)),
        };
    }

    private static void AddPrivacy(JsonObject paths, DefinitionSet definitions)
    {
        var subjects = definitions.Entities.Where(e => e.DataSubject).Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
        var admin = ("403", "Only for administrators", (JsonNode?)null);
        var notFound = ("404", "No such record, or the entity holds no data subjects", (JsonNode?)null);
        JsonObject Id() => Path("id", "uuid");
        JsonObject Entity() => OpenApiRecordRoutes.Enum(Path("entity", null), subjects);
        JsonObject Export(string id, string summary, JsonNode[] parameters) => new()
        {
            ["get"] = Operation(id, summary, ["privacy"], parameters, null, Responses(("200", "The subject and every record that refers to it", Object()), admin, notFound)),
        };
        JsonObject Erase(string id, string summary, JsonNode[] parameters) => new()
        {
            ["post"] = Operation(id, summary, ["privacy"], parameters, null, Responses(("200", "The erased records and fields", Object()), admin, notFound)),
        };
        paths["/privacy/contacts/{id}/export"] = Export("privacy-export-contact", "Export a contact's personal data", [Id()]);
        paths["/privacy/contacts/{id}/erase"] = Erase("privacy-erase-contact", "Erase a contact's personal data", [Id()]);
        paths["/privacy/{entity}/{id}/export"] = Export("privacy-export", "Export a data subject's personal data", [Entity(), Id()]);
        paths["/privacy/{entity}/{id}/erase"] = Erase("privacy-erase", "Erase a data subject's personal data", [Entity(), Id()]);
    }

    /// <summary>An operation open to callers without credentials.</summary>
    private static JsonObject Anonymous(JsonObject operation)
    {
        operation["security"] = new JsonArray();
        return operation;
    }

    private static JsonObject Object() => new() { ["type"] = "object" };

    private static JsonObject ValueList(JsonObject item) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "array", ["items"] = item } },
    };
}
