using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>A whole number (64-bit).</summary>
internal sealed class IntegerValueKind : ValueKind
{
    public override string Name => "Integer";

    public override Type ClrType => typeof(long);

    public override string JsonType => "integer";

    public override IReadOnlyList<string> FilterOperators => FieldTypes.FilterOperators.Ordered;

    public override string? CheckDefault(FieldTypeDescriptor type, JsonNode value) =>
        DefaultValues.IsWholeNumber(value) ? null : DefaultValues.Expected("a whole number", type, value);

    public override object ReadDefault(JsonNode value) => value.GetValue<long>();

    public override bool TryReadJson(JsonElement json, out object? value, out string? error) =>
        json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var integer) ? Ok(integer, out value, out error) : Fail("must be a whole number", out value, out error);

    public override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteNumberValue((long)value);

    internal override T Pick<T>(ValueKindTable<T> table) => table.Integer;
}
