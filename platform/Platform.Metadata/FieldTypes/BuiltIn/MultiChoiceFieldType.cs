using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

/// <summary>Any number of distinct option values.</summary>
public sealed class MultiChoiceFieldType : FieldTypeDescriptor
{
    public const string TypeName = "multichoice";

    public override string Name => TypeName;
    public override ValueKind Storage => ValueKind.StringList;
    public override LocalizedText Label { get; } = new("Multiple choice");
    public override IReadOnlyList<FieldProperty> Properties { get; } = [FieldProperty.Options.AsRequired()];

    public override IEnumerable<FieldDefinitionProblem> CheckDefinition(FieldDefinition field) => ChoiceOptions.CheckListed(field);

    public override string? CheckDefault(FieldDefinition field, JsonNode value) =>
        value is JsonArray array && array.All(v => v?.GetValueKind() == JsonValueKind.String)
            ? ChoiceOptions.UnknownDefaults(field, array.Select(v => v!.GetValue<string>()))
            : DefaultValues.Expected("an array of option values", this, value);

    public override string? CheckValue(FieldDefinition field, object value)
    {
        if (value is not string[] list || field.Options is not { } options) return null;
        var unknown = list.Where(v => options.All(o => o.Value != v)).ToList();
        if (unknown.Count > 0) return $"{string.Join(", ", unknown.Select(u => $"'{u}'"))} not among the options: {ChoiceOptions.Listing(options)}";
        if (list.Distinct().Count() != list.Length) return "lists an option more than once";
        return field.Required && list.Length == 0 ? "is required" : null;
    }

    public override void DescribeValue(FieldDefinition field, JsonObject schema)
    {
        if (field.Options is { } options)
            schema["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(options.Select(o => (JsonNode)o.Value).ToArray()) };
    }

    public override string? Mask(string text) => null;

    protected override object? EmptyValue => Array.Empty<string>();

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => new[] { field.Options![0].Value };

    public override JsonNode? Example(FieldDefinition field) => field.Options is { Count: > 0 } options ? new JsonArray(options[0].Value) : null;
}
