using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed class DateFieldType : FieldTypeDescriptor
{
    public const string TypeName = "date";

    public override string Name => TypeName;
    public override ValueKind Storage => ValueKind.Date;
    public override LocalizedText Label { get; } = new("Date");

    public override void DescribeValue(FieldDefinition field, JsonObject schema) => schema["format"] = "date";

    public override string? Mask(string text) => null;

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => new DateOnly(1900, 1, 1);

    public override JsonNode? Example(FieldDefinition field) => "2024-12-31";
}
