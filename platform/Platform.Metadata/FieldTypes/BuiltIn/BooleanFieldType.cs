using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed class BooleanFieldType : FieldTypeDescriptor
{
    public const string TypeName = "boolean";

    public override string Name => TypeName;
    public override ValueKind Storage => ValueKind.Boolean;
    public override LocalizedText Label { get; } = new("Yes/no");

    public override string? Mask(string text) => null;

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => false;

    public override JsonNode? Example(FieldDefinition field) => true;
}
