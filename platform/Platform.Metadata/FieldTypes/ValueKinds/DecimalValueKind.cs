using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>An exact decimal number.</summary>
internal sealed class DecimalValueKind : ValueKind
{
    public override string Name => "Decimal";

    public override Type ClrType => typeof(decimal);

    public override string JsonType => "number";

    public override IReadOnlyList<string> FilterOperators => FieldTypes.FilterOperators.Ordered;

    public override string? CheckDefault(FieldTypeDescriptor type, JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number ? null : DefaultValues.Expected("a number", type, value);

    public override object ReadDefault(JsonNode value) => value.GetValue<decimal>();

    public override bool TryReadJson(JsonElement json, out object? value, out string? error) =>
        json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var number) ? Ok(number, out value, out error) : Fail("must be a number", out value, out error);

    public override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteNumberValue((decimal)value);

    internal override T Pick<T>(ValueKindTable<T> table) => table.Decimal;
}
