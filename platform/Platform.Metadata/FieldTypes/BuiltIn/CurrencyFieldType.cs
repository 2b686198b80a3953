using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed class CurrencyFieldType : DecimalNumberFieldType
{
    public const string TypeName = "currency";

    public override string Name => TypeName;
    public override LocalizedText Label { get; } = new("Currency");
    protected override int DefaultScale => 2;

    public override JsonNode? Example(FieldDefinition field) => 99.95m;
}
