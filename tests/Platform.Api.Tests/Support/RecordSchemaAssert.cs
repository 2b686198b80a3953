using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace Platform.Api.Tests.Support;

/// <summary>Validates records against the JSON Schemas the API publishes, with NJsonSchema as a client would.</summary>
public static class RecordSchemaAssert
{
    /// <summary>The schema of GET .../metadata/entities/{entity}/schema.</summary>
    public static Task<JsonSchema> FromMetadataAsync(string schemaText)
    {
        var schema = JsonNode.Parse(schemaText)!.AsObject();
        var defs = schema["$defs"];
        schema.Remove("$defs");
        return FromDraft07Async(schema, defs, "#/$defs/");
    }

    /// <summary>One component schema of an OpenAPI document, with the other components it refers to.</summary>
    public static Task<JsonSchema> FromOpenApiAsync(JsonNode openApi, string component)
    {
        var schemas = openApi["components"]!["schemas"]!;
        return FromDraft07Async(schemas[component]!.DeepClone().AsObject(), schemas, "#/components/schemas/");
    }

    /// <summary>NJsonSchema resolves references under "definitions" (draft 07) only: the referenced schemas move there.</summary>
    private static Task<JsonSchema> FromDraft07Async(JsonObject schema, JsonNode? referenced, string referencePrefix)
    {
        if (referenced is not null) schema["definitions"] = referenced.DeepClone();
        return JsonSchema.FromJsonAsync(schema.ToJsonString().Replace(referencePrefix, "#/definitions/", StringComparison.Ordinal));
    }

    public static void Valid(JsonSchema schema, JsonElement record, string what)
    {
        var errors = schema.Validate(record.GetRawText());
        Assert.True(errors.Count == 0,
            $"{what} does not validate against its published schema: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{record.GetRawText()}");
    }
}
