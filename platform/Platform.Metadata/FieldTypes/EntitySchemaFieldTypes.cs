using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>
/// The field-type parts of entity.schema.json, computed from a registry: the <c>fieldType</c> enum and the type lists
/// of the field's if/then rules ("only X fields have 'p'", "an X field must have 'p'", "X fields cannot be encrypted").
/// The validator applies it to the embedded schema so registered plugin types validate like built-in ones; a test
/// applies it to the file with the built-ins and requires no change, so the file cannot drift from the registry.
/// </summary>
public static class EntitySchemaFieldTypes
{
    /// <summary>Rewrites the type lists of <paramref name="schemaText"/> to <paramref name="registry"/>'s types.</summary>
    public static string Apply(string schemaText, IReadOnlyList<FieldTypeDescriptor> registry)
    {
        var schema = JsonNode.Parse(schemaText)!.AsObject();
        var definitions = schema["definitions"]!;
        definitions["fieldType"]!["enum"] = Names(registry);
        foreach (var rule in Rules(schema))
            rule.Types["enum"] = Names(rule.Expected(registry));
        return schema.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Each type-list rule of the field definition with the types the registry says it should name.</summary>
    public static IEnumerable<TypeListRule> Rules(JsonObject schema)
    {
        if (schema["definitions"]?["field"]?["allOf"] is not JsonArray rules) yield break;
        foreach (var rule in rules.OfType<JsonObject>())
        {
            if (rule["if"]?["properties"]?["type"] is not JsonObject type || rule["then"] is not JsonObject then) continue;
            var description = then["description"]?.GetValue<string>() ?? "";
            if (type["not"] is JsonObject negated && then["properties"] is JsonObject forbidden)
            {
                // "if the type is not one of E then p is absent": E are the types allowing p.
                var properties = forbidden.Select(p => p.Key).ToList();
                yield return new TypeListRule(description, negated, r => r.Where(t => properties.Any(p => t.Properties.Any(a => a.Name == p))));
            }
            else if (then["required"] is JsonArray required)
            {
                var properties = required.Select(p => p!.GetValue<string>()).ToList();
                yield return new TypeListRule(description, type,
                    r => r.Where(t => properties.All(p => t.Properties.Any(a => a.Name == p && a.IsRequired))));
            }
            else if (then["properties"]?["encrypted"] is not null)
                yield return new TypeListRule(description, type, r => r.Where(t => !t.CanBeEncrypted));
        }
    }

    private static JsonArray Names(IEnumerable<FieldTypeDescriptor> types) => new(types.Select(t => (JsonNode)t.Name).ToArray());

    /// <param name="Types">The schema object holding the rule's <c>enum</c> of type names.</param>
    /// <param name="Expected">The types the rule should list, out of a registry.</param>
    public sealed record TypeListRule(
        string Description, JsonObject Types, Func<IReadOnlyList<FieldTypeDescriptor>, IEnumerable<FieldTypeDescriptor>> Expected)
    {
        public IReadOnlyList<string> Listed => Types["enum"] is JsonArray names ? names.Select(n => n!.GetValue<string>()).ToList() : [];
    }
}
