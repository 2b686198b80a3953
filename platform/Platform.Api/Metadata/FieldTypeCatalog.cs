using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;

namespace Platform.Api.Metadata;

/// <summary>
/// GET /metadata/field-types: every registered field type as a client needs it to pick a widget and build a field
/// editor — name, label, storage kind, the definition properties it allows, its value's JSON Schema and the filter
/// operators it supports. A plugin's type appears here as soon as it is registered.
/// </summary>
internal static class FieldTypeCatalog
{
    public static IResult List(FieldTypeRegistry registry) =>
        Results.Text(Describe(registry).ToJsonString(DefinitionJson.Options), "application/json; charset=utf-8");

    public static JsonObject Describe(FieldTypeRegistry registry) =>
        new() { ["value"] = new JsonArray(registry.All.Select(t => (JsonNode)Describe(t)).ToArray()) };

    private static JsonObject Describe(FieldTypeDescriptor type) => new()
    {
        ["name"] = type.Name,
        ["label"] = JsonSerializer.SerializeToNode(type.Label, DefinitionJson.Options),
        ["storage"] = JsonNamingPolicy.CamelCase.ConvertName(type.Storage.ToString()),
        ["computed"] = type.Computed,
        ["encryptable"] = type.CanBeEncrypted,
        ["properties"] = new JsonArray(type.Properties.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name, ["type"] = p.JsonType, ["required"] = p.IsRequired,
        }).ToArray()),
        // The schema of a required value of the type, before a definition adds its own (options, limits, default).
        ["valueSchema"] = RecordJsonSchema.FieldSchema(new FieldDefinition { Name = type.Name, Type = new FieldType(type.Name), Required = true }),
        ["filterOperators"] = new JsonArray(type.FilterOperators.Select(o => (JsonNode)o).ToArray()),
        ["example"] = type.Example(new FieldDefinition { Name = type.Name, Type = new FieldType(type.Name), Options = [new ChoiceOption { Value = "option" }] }),
    };

    /// <summary>The answer's schema, for the OpenAPI document.</summary>
    public static JsonObject ResponseSchema()
    {
        static JsonObject Text() => new() { ["type"] = "string" };
        var property = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("name", "type", "required"),
            ["properties"] = new JsonObject
            {
                ["name"] = Text(),
                ["type"] = new JsonObject { ["type"] = "string", ["description"] = "The property's JSON type" },
                ["required"] = new JsonObject { ["type"] = "boolean" },
            },
        };
        var type = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("name", "label", "storage", "properties", "valueSchema", "filterOperators"),
            ["properties"] = new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string", ["description"] = "The name a field's \"type\" uses" },
                ["label"] = new JsonObject { ["description"] = "A text, or an object of locale to text" },
                ["storage"] = new JsonObject
                {
                    ["type"] = "string", ["enum"] = new JsonArray(ValueKind.All.Select(k => (JsonNode)JsonNamingPolicy.CamelCase.ConvertName(k.ToString())).ToArray()),
                },
                ["computed"] = new JsonObject { ["type"] = "boolean", ["description"] = "Assigned by the platform on save, never written" },
                ["encryptable"] = new JsonObject { ["type"] = "boolean" },
                ["properties"] = new JsonObject { ["type"] = "array", ["description"] = "The type-specific definition properties it allows", ["items"] = property },
                ["valueSchema"] = new JsonObject { ["type"] = "object", ["description"] = "The JSON Schema of a value" },
                ["filterOperators"] = new JsonObject { ["type"] = "array", ["items"] = Text() },
                ["example"] = new JsonObject { ["description"] = "A valid value (null when there is none to give)" },
            },
        };
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("value"),
            ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "array", ["items"] = type } },
        };
    }
}
