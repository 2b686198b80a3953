using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed class DecimalFieldType : DecimalNumberFieldType
{
    public const string TypeName = "decimal";

    public override string Name => TypeName;
    public override LocalizedText Label { get; } = new("Decimal number");
    protected override int DefaultScale => 4;

    public override JsonNode? Example(FieldDefinition field) => 12.5m;
}
