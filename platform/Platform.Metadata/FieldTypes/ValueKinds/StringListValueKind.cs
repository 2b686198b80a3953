using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>A multichoice value: a list of option values (string[]), a JSON array of strings.</summary>
internal sealed class StringListValueKind : ValueKind
{
    public override string Name => "StringList";

    public override Type ClrType => typeof(string[]);

    public override string JsonType => "array";

    public override IReadOnlyList<string> FilterOperators => FieldTypes.FilterOperators.List;

    public override string? CheckDefault(FieldTypeDescriptor type, JsonNode value) =>
        value is JsonArray array && array.All(v => v?.GetValueKind() == JsonValueKind.String)
            ? null
            : DefaultValues.Expected("an array of texts", type, value);

    // A single text default is accepted as a one-item list.
    public override object ReadDefault(JsonNode value) =>
        value is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToArray() : new[] { value.GetValue<string>() };

    public override bool TryReadJson(JsonElement json, out object? value, out string? error)
    {
        if (json.ValueKind != JsonValueKind.Array) return Fail("must be an array of option values", out value, out error);
        var items = new List<string>();
        foreach (var item in json.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return Fail("must be an array of option values (strings)", out value, out error);
            items.Add(item.GetString()!);
        }
        return Ok(items.ToArray(), out value, out error);
    }

    public override void WriteJson(Utf8JsonWriter writer, object value)
    {
        writer.WriteStartArray();
        foreach (var item in (string[])value) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }

    internal override T Pick<T>(ValueKindTable<T> table) => table.StringList;
}
