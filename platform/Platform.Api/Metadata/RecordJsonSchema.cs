using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;

namespace Platform.Api.Metadata;

/// <summary>
/// The JSON Schema (draft 2020-12 subset, also valid OpenAPI 3.1) of one entity's records. The record schema
/// (<paramref name="forWrite"/> false) describes every record the API answers, whoever reads it and with whichever
/// options: $select and hidden fields leave fields out (so only the id is required), masked fields may read as a
/// masked text or null, and with a <c>lookupReference</c> an $expand-ed lookup is the referenced record.
/// </summary>
public static class RecordJsonSchema
{
    /// <param name="definitions">The tenant's definitions: their roles say which fields may read masked.</param>
    /// <param name="lookupReference">The $ref of an entity's record schema; null leaves expanded lookups out.</param>
    public static JsonObject Build(EntityDefinition entity, bool forWrite = false, bool partial = false,
        DefinitionSet? definitions = null, Func<string, string>? lookupReference = null)
    {
        var properties = new JsonObject();
        if (!forWrite) properties[SystemFields.Id] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["readOnly"] = true };
        var masked = forWrite || definitions is null ? [] : MaskedFields(entity, definitions);
        foreach (var field in entity.Fields)
        {
            // Values the platform computes cannot be written: left out of input schemas, readOnly in the record's.
            if (forWrite && Computed(field)) continue;
            properties[field.Name] = forWrite ? FieldSchema(field) : ReadSchema(field, masked.Contains(field.Name), lookupReference);
        }
        if (!forWrite) AddSystemFields(properties);
        var schema = new JsonObject
        {
            ["title"] = entity.Label?.Get() ?? entity.Name,
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        if (forWrite)
        {
            // A create may leave out required fields that have a default.
            var required = entity.Fields.Where(f => f.Required && !Computed(f) && f.Default is null).Select(f => (JsonNode)f.Name).ToArray();
            if (!partial && required.Length > 0) schema["required"] = new JsonArray(required);
        }
        else schema["required"] = new JsonArray(SystemFields.Id);
        return schema;
    }

    /// <summary>
    /// A standalone schema of the entity's records: the records of the entities its lookups reach (transitively)
    /// are under $defs, so an expanded lookup validates too.
    /// </summary>
    public static JsonObject BuildStandalone(EntityDefinition entity, DefinitionSet definitions)
    {
        static string Reference(string name) => "#/$defs/" + name;
        var schema = Build(entity, definitions: definitions, lookupReference: Reference);
        var defs = new JsonObject();
        var pending = new Queue<EntityDefinition>([entity]);
        var seen = new HashSet<string> { entity.Name };
        while (pending.TryDequeue(out var current))
        {
            defs[current.Name] = Build(current, definitions: definitions, lookupReference: Reference);
            foreach (var target in current.Fields.Where(f => f.Type.Descriptor.IsReference).Select(f => f.Target!))
                if (seen.Add(target) && definitions.Find(target) is { } found) pending.Enqueue(found);
        }
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$defs"] = defs;
        return schema;
    }

    /// <summary>Fields some role reads masked: a masked value is partly starred text or null, whatever the field's rules say.</summary>
    private static HashSet<string> MaskedFields(EntityDefinition entity, DefinitionSet definitions) =>
        definitions.Roles.Values
            .SelectMany(r => r.FieldSecurity.GetValueOrDefault(entity.Name) ?? new Dictionary<string, FieldAccessLevel>())
            .Where(f => f.Value == FieldAccessLevel.Masked)
            .Select(f => f.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Autonumbers and formula fields: computed on save, never written by a caller.</summary>
    private static bool Computed(FieldDefinition field) => field.Type.Descriptor.Computed || field.Formula is not null;

    private static void AddSystemFields(JsonObject properties)
    {
        foreach (var name in new[] { SystemFields.CreatedAt, SystemFields.ModifiedAt })
            properties[name] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["readOnly"] = true };
        foreach (var name in new[] { SystemFields.CreatedBy, SystemFields.ModifiedBy, SystemFields.Owner })
            properties[name] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "uuid", ["readOnly"] = true };
        properties[SystemFields.OwningBusinessUnit] = new JsonObject
        {
            ["type"] = new JsonArray("string", "null"), ["maxLength"] = 50, ["readOnly"] = true,
            ["description"] = "The business unit of the owner (its name), stamped on create and assign.",
        };
        properties[SystemFields.RowVersion] = new JsonObject { ["type"] = "integer", ["readOnly"] = true };
    }

    /// <summary>A field as records show it: masked fields are relaxed to any text or null, lookups may be expanded.</summary>
    private static JsonObject ReadSchema(FieldDefinition field, bool masked, Func<string, string>? lookupReference)
    {
        var schema = FieldSchema(field);
        if (masked)
        {
            var relaxed = new JsonObject { ["type"] = new JsonArray(field.Type.Descriptor.JsonType, "null") };
            foreach (var keep in new[] { "title", "description", "readOnly", "x-lookup", "x-formula" })
                if (schema[keep] is { } value) relaxed[keep] = value.DeepClone();
            relaxed["x-masked"] = true;
            schema = relaxed;
        }
        if (!field.Type.Descriptor.IsReference || lookupReference is null) return schema;
        // $expand puts the referenced record (or null, when it is out of the reader's sight) where the id was.
        var plain = new JsonObject { ["type"] = "string", ["format"] = "uuid" };
        var expanded = new JsonObject
        {
            ["anyOf"] = new JsonArray(plain, new JsonObject { ["type"] = "null" }, new JsonObject { ["$ref"] = lookupReference(field.Target!) }),
        };
        foreach (var keep in new[] { "title", "description", "readOnly", "x-lookup", "x-masked" })
            if (schema[keep] is { } value) expanded[keep] = value.DeepClone();
        return expanded;
    }

    /// <summary>A field's value: its type's JSON type and keywords (format, length, range, options), plus what the definition adds.</summary>
    internal static JsonObject FieldSchema(FieldDefinition field)
    {
        var type = field.Type.Descriptor;
        var schema = new JsonObject { ["type"] = field.Required ? type.JsonType : new JsonArray(type.JsonType, "null") };
        if (field.Label is { } label) schema["title"] = label.Get();
        if (field.Description is { } description) schema["description"] = description.Get();
        type.DescribeValue(field, schema);
        if (field.Default is { } value) schema["default"] = value.DeepClone();
        if (field.Type.Descriptor.IsReference) schema["x-lookup"] = field.Target;
        if (Computed(field)) schema["readOnly"] = true;
        if (field.Formula is { } formula) schema["x-formula"] = formula;
        return schema;
    }
}
