using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed class DateTimeFieldType : FieldTypeDescriptor
{
    public const string TypeName = "datetime";

    public override string Name => TypeName;
    public override ValueKind Storage => ValueKind.DateTime;
    public override LocalizedText Label { get; } = new("Date and time");

    public override void DescribeValue(FieldDefinition field, JsonObject schema) => schema["format"] = "date-time";

    public override string? Mask(string text) => null;

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public override JsonNode? Example(FieldDefinition field) => "2024-12-31T09:30:00Z";
}
