using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

/// <summary>Text of any length (bounded by the request size); a maxLength is allowed but not enforced by the column.</summary>
public sealed class LongTextFieldType : TextualFieldType
{
    public const string TypeName = "longtext";

    public override string Name => TypeName;
    public override LocalizedText Label { get; } = new("Long text");
    protected override int? DefaultMaxLength => null;

    public override int? MaxLength(FieldDefinition field) => null;

    protected override object? Placeholder(FieldDefinition field, Guid recordId) =>
        field.Unique ? $"{TextFieldType.Erased}-{recordId:N}" : TextFieldType.Erased;

    public override JsonNode? Example(FieldDefinition field) => "Several lines\nof text";
}
