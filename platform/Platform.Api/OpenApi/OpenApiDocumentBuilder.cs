using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Platform.Api.Metadata;
using Platform.Metadata.Definitions;
using Platform.Runtime;

namespace Platform.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of a tenant's generated API. Built from the definitions and cached by their version,
/// so it is regenerated exactly when the schema changes.
/// </summary>
public sealed class OpenApiDocumentBuilder(IEnumerable<IOpenApiContributor>? contributors = null)
{
    private readonly ConcurrentDictionary<string, string> _documents = new();
    private readonly IReadOnlyList<IOpenApiContributor> _contributors = contributors?.ToList() ?? [];

    public string Get(TenantRuntime runtime) =>
        _documents.GetOrAdd($"{runtime.Id}:{runtime.Definitions.Version}", _ => Build(runtime.Id, runtime.Definitions, _contributors).ToJsonString(new() { WriteIndented = true }));

    public static JsonObject Build(string tenant, DefinitionSet definitions, IReadOnlyList<IOpenApiContributor>? contributors = null)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject
        {
            ["Problem"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "RFC 9457 problem details",
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["type"] = "string" },
                    ["title"] = new JsonObject { ["type"] = "string" },
                    ["status"] = new JsonObject { ["type"] = "integer" },
                    ["detail"] = new JsonObject { ["type"] = "string" },
                    ["errors"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
                },
            },
        };
        foreach (var entity in definitions.Entities.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            schemas[Pascal(entity.Name)] = RecordJsonSchema.Build(entity, definitions: definitions, lookupReference: name => "#/components/schemas/" + Pascal(name));
            schemas[Pascal(entity.Name) + "Input"] = RecordJsonSchema.Build(entity, forWrite: true);
            schemas[Pascal(entity.Name) + "Patch"] = RecordJsonSchema.Build(entity, forWrite: true, partial: true);
            OpenApiPaths.AddEntity(paths, entity);
            OpenApiRecordRoutes.AddEntity(paths, entity);
        }
        OpenApiPaths.AddMetadata(paths);
        OpenApiTenantRoutes.Add(paths, definitions);
        OpenApiNotificationRoutes.Add(paths);
        OpenApiUserNameRoutes.Add(paths);
        OpenApiComponents.Add(schemas);
        foreach (var contributor in contributors ?? []) contributor.Add(paths, schemas);
        OpenApiSecurity.AddUnauthorized(paths);
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = $"{tenant} data API",
                ["version"] = definitions.Version,
                ["description"] = "Generated from the tenant's definitions; every route of the tenant's API is here. Errors are RFC 9457 problem documents.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = $"/api/{tenant}" }),
            ["security"] = OpenApiSecurity.Requirement(),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas, ["securitySchemes"] = OpenApiSecurity.Schemes() },
        };
    }

    public static string Pascal(string name) =>
        string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
