using System.Text.Json.Nodes;

namespace Platform.Api.OpenApi;

/// <summary>
/// A feature outside this project (workflows, messaging) that maps routes under /api/{tenant} describes them here, so the
/// tenant's OpenAPI document keeps covering every route. Register implementations in DI.
/// </summary>
public interface IOpenApiContributor
{
    /// <param name="paths">Paths relative to /api/{tenant}.</param>
    /// <param name="schemas">components/schemas, for the contributor's own schemas.</param>
    void Add(JsonObject paths, JsonObject schemas);
}

/// <summary>The building blocks the built-in routes use, for contributors: operations, responses (4xx as problem documents), parameters.</summary>
public static class OpenApiParts
{
    public static JsonObject Operation(string id, string summary, string[] tags, JsonNode[] parameters, JsonNode? body, JsonObject responses) =>
        OpenApiPaths.Operation(id, summary, tags, parameters, body, responses);

    public static JsonObject Responses(params (string Status, string Description, JsonNode? Schema)[] responses) => OpenApiPaths.Responses(responses);

    public static JsonObject Path(string name, string? format) => OpenApiPaths.Path(name, format);

    public static JsonObject Query(string name, string description, string type = "string") => OpenApiPaths.Query(name, description, type);

    public static JsonObject Ref(string schema) => OpenApiPaths.Ref(schema);
}
