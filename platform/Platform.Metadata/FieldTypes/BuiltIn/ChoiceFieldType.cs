using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

/// <summary>One of a list of option values.</summary>
public sealed class ChoiceFieldType : FieldTypeDescriptor
{
    public const string TypeName = "choice";
    public const int ColumnLength = 100;

    public override string Name => TypeName;
    public override ValueKind Storage => ValueKind.String;
    public override LocalizedText Label { get; } = new("Choice");
    public override IReadOnlyList<FieldProperty> Properties { get; } = [FieldProperty.Options.AsRequired()];

    public override IEnumerable<FieldDefinitionProblem> CheckDefinition(FieldDefinition field) => ChoiceOptions.CheckListed(field);

    public override string? CheckDefault(FieldDefinition field, JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String
            ? ChoiceOptions.UnknownDefaults(field, [value.GetValue<string>()])
            : DefaultValues.Expected("one option value", this, value);

    public override int? MaxLength(FieldDefinition field) => ColumnLength;

    public override string? CheckValue(FieldDefinition field, object value) =>
        value is string text && field.Options is { } options && options.All(o => o.Value != text)
            ? $"'{text}' is not one of the options: {ChoiceOptions.Listing(options)}"
            : null;

    public override void DescribeValue(FieldDefinition field, JsonObject schema)
    {
        if (field.Options is not { } options) return;
        var values = new JsonArray(options.Select(o => (JsonNode)o.Value).ToArray());
        if (!field.Required) values.Add(null);
        schema["enum"] = values;
    }

    /// <summary>An option value says too much to show in part.</summary>
    public override string? Mask(string text) => null;

    /// <summary>The default, or else the first option.</summary>
    protected override object? Placeholder(FieldDefinition field, Guid recordId) => field.Default?.GetValue<string>() ?? field.Options![0].Value;

    public override JsonNode? Example(FieldDefinition field) => field.Options is { Count: > 0 } options ? options[0].Value : null;
}
