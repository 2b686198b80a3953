using System.Text.Json.Nodes;
using Platform.Metadata.FieldTypes;
using Platform.Metadata.FieldTypes.BuiltIn;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Tests.FieldTypes;

/// <summary>entity.schema.json names field types in its enum and if/then rules; the registry is what they must say.</summary>
public class EntitySchemaFieldTypeTests
{
    private static string EntitySchemaText() =>
        SchemaDocuments.TryGetText("entity", out var text) ? text : throw new InvalidOperationException("entity.schema.json is not embedded");

    private static JsonObject Schema => JsonNode.Parse(EntitySchemaText())!.AsObject();

    [Fact]
    public void The_schema_lists_exactly_the_built_in_field_types()
    {
        var listed = Schema["definitions"]!["fieldType"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var registered = BuiltInFieldTypes.All.Select(t => t.Name).ToList();

        Assert.True(listed.SequenceEqual(registered),
            $"entity.schema.json's fieldType enum is missing [{string.Join(", ", registered.Except(listed))}] " +
            $"and has extra [{string.Join(", ", listed.Except(registered))}]; it must list the registry's types in order");
    }

    [Fact]
    public void Every_type_rule_of_the_schema_names_the_types_the_registry_says()
    {
        var rules = EntitySchemaFieldTypes.Rules(Schema).ToList();

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var expected = rule.Expected(BuiltInFieldTypes.All).Select(t => t.Name).ToList();
            Assert.True(rule.Listed.Order().SequenceEqual(expected.Order()),
                $"The rule \"{rule.Description}\" lists [{string.Join(", ", rule.Listed)}]; by the registry it should list " +
                $"[{string.Join(", ", expected)}] (missing [{string.Join(", ", expected.Except(rule.Listed))}], " +
                $"extra [{string.Join(", ", rule.Listed.Except(expected))}])");
        }
    }

    [Fact]
    public void Every_type_specific_property_has_a_schema_rule()
    {
        var ruled = Schema["definitions"]!["field"]!["allOf"]!.AsArray()
            .SelectMany(r => r!["then"]?["properties"]?.AsObject().Select(p => p.Key) ?? [])
            .ToHashSet();

        foreach (var property in FieldProperty.All) Assert.Contains(property.Name, ruled);
    }

    [Fact]
    public void Applying_the_built_in_registry_leaves_the_schema_as_it_is()
    {
        var text = EntitySchemaText();

        var applied = JsonNode.Parse(EntitySchemaFieldTypes.Apply(text, BuiltInFieldTypes.All));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), applied));
    }
}
