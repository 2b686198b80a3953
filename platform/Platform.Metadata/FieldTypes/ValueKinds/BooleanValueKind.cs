using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>True or false.</summary>
internal sealed class BooleanValueKind : ValueKind
{
    public override string Name => "Boolean";

    public override Type ClrType => typeof(bool);

    public override string JsonType => "boolean";

    public override IReadOnlyList<string> FilterOperators => FieldTypes.FilterOperators.Flag;

    public override string? CheckDefault(FieldTypeDescriptor type, JsonNode value) =>
        value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : DefaultValues.Expected("true or false", type, value);

    public override object ReadDefault(JsonNode value) => value.GetValue<bool>();

    public override bool TryReadJson(JsonElement json, out object? value, out string? error) =>
        json.ValueKind is JsonValueKind.True or JsonValueKind.False ? Ok(json.GetBoolean(), out value, out error) : Fail("must be true or false", out value, out error);

    public override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteBooleanValue((bool)value);

    internal override T Pick<T>(ValueKindTable<T> table) => table.Boolean;
}
