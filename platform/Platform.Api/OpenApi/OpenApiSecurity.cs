using System.Text.Json.Nodes;
using Platform.Api.Auth;
using static Platform.Api.OpenApi.OpenApiPaths;

namespace Platform.Api.OpenApi;

/// <summary>
/// How callers authenticate, as OpenAPI security schemes: a bearer token, an API key, or the web client's session
/// cookie. Every operation needs one of them unless it says <c>security: []</c> (sign-in); those that need one may
/// answer 401.
/// </summary>
internal static class OpenApiSecurity
{
    public static JsonObject Schemes() => new()
    {
        ["bearer"] = new JsonObject
        {
            ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT",
            ["description"] = "A token from POST /auth/token.",
        },
        ["apiKey"] = new JsonObject
        {
            ["type"] = "apiKey", ["in"] = "header", ["name"] = AuthSchemes.ApiKeyHeader,
            ["description"] = "A key from POST /auth/api-keys (also accepted as 'Authorization: ApiKey <key>').",
        },
        ["cookie"] = new JsonObject
        {
            ["type"] = "apiKey", ["in"] = "cookie", ["name"] = AuthSchemes.CookieName,
            ["description"] = $"The session of POST /auth/login; unsafe methods must also send the {AuthSchemes.CsrfHeader} header.",
        },
    };

    /// <summary>Any one of the schemes.</summary>
    public static JsonArray Requirement() => new(
        new JsonObject { ["bearer"] = new JsonArray() },
        new JsonObject { ["apiKey"] = new JsonArray() },
        new JsonObject { ["cookie"] = new JsonArray() });

    /// <summary>Adds the 401 answer to every operation that needs credentials.</summary>
    public static void AddUnauthorized(JsonObject paths)
    {
        foreach (var (_, item) in paths)
            foreach (var (_, operation) in item!.AsObject())
            {
                if (operation is not JsonObject op || op["security"] is JsonArray { Count: 0 }) continue;
                var responses = op["responses"]!.AsObject();
                if (!responses.ContainsKey("401"))
                    responses["401"] = Responses(("401", "No valid credentials of this tenant", null))["401"]!.DeepClone();
            }
    }
}
