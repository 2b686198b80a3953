using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Storage.Physical;

namespace Platform.Api.Metadata;

/// <summary>The JSON Schema (draft 2020-12 subset, also valid OpenAPI 3.1) of one entity's records.</summary>
public static class RecordJsonSchema
{
    public static JsonObject Build(EntityDefinition entity, bool forWrite = false, bool partial = false)
    {
        var properties = new JsonObject();
        if (!forWrite) properties[SystemFields.Id] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["readOnly"] = true };
        foreach (var field in entity.Fields)
        {
            // Values the platform computes cannot be written: left out of input schemas, readOnly in the record's.
            if (forWrite && Computed(field)) continue;
            properties[field.Name] = FieldSchema(field);
        }
        if (!forWrite)
        {
            foreach (var name in new[] { SystemFields.CreatedAt, SystemFields.ModifiedAt })
                properties[name] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["readOnly"] = true };
            foreach (var name in new[] { SystemFields.CreatedBy, SystemFields.ModifiedBy, SystemFields.Owner })
                properties[name] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "uuid", ["readOnly"] = true };
            properties[SystemFields.RowVersion] = new JsonObject { ["type"] = "integer", ["readOnly"] = true };
        }
        var schema = new JsonObject
        {
            ["title"] = entity.Label?.Get() ?? entity.Name,
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        // A stored record always has its required fields; a create may leave out those with a default.
        var required = entity.Fields.Where(f => f.Required && !Computed(f) && (!forWrite || f.Default is null))
            .Select(f => (JsonNode)f.Name).ToArray();
        if (!partial && required.Length > 0) schema["required"] = new JsonArray(required);
        return schema;
    }

    /// <summary>Autonumbers and formula fields: computed on save, never written by a caller.</summary>
    private static bool Computed(FieldDefinition field) => field.Type == FieldType.AutoNumber || field.Formula is not null;

    private static JsonObject FieldSchema(FieldDefinition field)
    {
        var kind = FieldColumnMapper.KindOf(field.Type);
        var type = kind switch
        {
            ValueKind.Integer => "integer",
            ValueKind.Decimal => "number",
            ValueKind.Boolean => "boolean",
            ValueKind.StringList => "array",
            _ => "string",
        };
        var schema = new JsonObject { ["type"] = field.Required ? type : new JsonArray(type, "null") };
        if (field.Label is { } label) schema["title"] = label.Get();
        if (field.Description is { } description) schema["description"] = description.Get();
        var format = field.Type switch
        {
            FieldType.Date => "date",
            FieldType.DateTime => "date-time",
            FieldType.Email => "email",
            FieldType.Url => "uri",
            FieldType.Lookup => "uuid",
            _ => null,
        };
        if (format is not null) schema["format"] = format;
        if (FieldColumnMapper.MaxLengthOf(field) is { } max && kind == ValueKind.String && field.Type != FieldType.Choice) schema["maxLength"] = max;
        if (field.Min is { } min) schema["minimum"] = min;
        if (field.Max is { } maximum) schema["maximum"] = maximum;
        if (field.Options is { } options)
        {
            var values = new JsonArray(options.Select(o => (JsonNode)o.Value).ToArray());
            if (kind == ValueKind.StringList) schema["items"] = new JsonObject { ["type"] = "string", ["enum"] = values };
            else
            {
                if (!field.Required) values.Add(null);
                schema["enum"] = values;
            }
        }
        if (field.Default is { } value) schema["default"] = value.DeepClone();
        if (field.Type == FieldType.Lookup) schema["x-lookup"] = field.Target;
        if (Computed(field)) schema["readOnly"] = true;
        if (field.Formula is { } formula) schema["x-formula"] = formula;
        return schema;
    }
}
