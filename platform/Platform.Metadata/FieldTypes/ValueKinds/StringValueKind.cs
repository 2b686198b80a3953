using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>Text.</summary>
internal sealed class StringValueKind : ValueKind
{
    public override string Name => "String";

    public override Type ClrType => typeof(string);

    public override string JsonType => "string";

    public override IReadOnlyList<string> FilterOperators => FieldTypes.FilterOperators.Text;

    public override string? CheckDefault(FieldTypeDescriptor type, JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? null : DefaultValues.Expected("a text", type, value);

    public override object ReadDefault(JsonNode value) => value.GetValue<string>();

    public override bool TryReadJson(JsonElement json, out object? value, out string? error) =>
        json.ValueKind == JsonValueKind.String ? Ok(json.GetString()!, out value, out error) : Fail("must be a string", out value, out error);

    public override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteStringValue((string)value);

    internal override T Pick<T>(ValueKindTable<T> table) => table.String;
}
