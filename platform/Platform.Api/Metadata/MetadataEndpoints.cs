using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records;
using Platform.Records.Scripting;

namespace Platform.Api.Metadata;

/// <summary>The tenant's definitions as the studio and integrators read them.</summary>
internal static class MetadataEndpoints
{
    public static IResult ListEntities(HttpContext http)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var modules = runtime.Definitions.Modules.Select(m => new { m.Manifest.Id, m.Manifest.Version, Entities = m.Entities.Select(e => e.Document.Name) });
        var entities = runtime.Definitions.Entities.OrderBy(e => e.Name, StringComparer.Ordinal);
        return Results.Text(JsonSerializer.Serialize(new { schemaVersion = runtime.SchemaVersion, modules, value = entities }, DefinitionJson.Options),
            "application/json; charset=utf-8");
    }

    /// <summary>The entity's definition and, under "access", what the current user may do with its records and fields.</summary>
    public static IResult GetEntity(HttpContext http, string entity)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var definition = RecordService.Entity(runtime, entity);
        var node = JsonSerializer.SerializeToNode(definition, DefinitionJson.Options)!.AsObject();
        var access = RecordService.AccessOf(runtime, Security.RequestActor.Of(http), entity);
        node["access"] = new JsonObject
        {
            ["privileges"] = new JsonObject(Enum.GetValues<Privilege>().Select(p => KeyValuePair.Create(
                JsonNamingPolicy.CamelCase.ConvertName(p.ToString()), (JsonNode?)JsonSerializer.SerializeToNode(access.Scope(p))))),
            ["fields"] = new JsonObject(definition.Fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)access.Field(f.Name).Name))),
            // false for an action whose availableWhen names a field the user does not read in full: never offered to them.
            ["actions"] = new JsonObject(definition.Actions.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a =>
                KeyValuePair.Create(a.Key, (JsonNode?)ActionAvailability.Decidable(a.Value, access)))),
        };
        return Results.Text(node.ToJsonString(DefinitionJson.Options), "application/json; charset=utf-8");
    }

    public static IResult GetRecordSchema(HttpContext http, string entity)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var schema = RecordJsonSchema.BuildStandalone(RecordService.Entity(runtime, entity), runtime.Definitions);
        return Results.Text(schema.ToJsonString(), "application/schema+json; charset=utf-8");
    }
}
