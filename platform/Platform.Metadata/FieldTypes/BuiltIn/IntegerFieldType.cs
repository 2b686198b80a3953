using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed class IntegerFieldType : FieldTypeDescriptor
{
    public const string TypeName = "integer";

    public override string Name => TypeName;
    public override ValueKind Storage => ValueKind.Integer;
    public override LocalizedText Label { get; } = new("Whole number");
    public override IReadOnlyList<FieldProperty> Properties { get; } = [FieldProperty.Min, FieldProperty.Max];

    /// <summary>A number cannot be shown in part.</summary>
    public override string? Mask(string text) => null;

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => 0L;

    public override JsonNode? Example(FieldDefinition field) => 42;
}
