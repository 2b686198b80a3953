using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.FieldTypes;

namespace Platform.Querying;

/// <summary>
/// Writes platform values as JSON that keeps their CLR type, so a decoded value is exactly the one encoded:
/// <c>["g","…"]</c> Guid, <c>["d","2024-05-01"]</c> DateOnly, <c>["t","638…"]</c> UTC DateTime as ticks,
/// <c>["m","1.50"]</c> decimal, <c>["l","42"]</c> long, <c>["b",true]</c> bool, <c>["s","…"]</c> string,
/// <c>["a",["x","y"]]</c> string list, null.
/// </summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
internal static class TaggedJsonValueCodec
{
    /// <summary>One kind's tag, and its value as the pair's second item and back (throwing <see cref="FormatException"/>).</summary>
    private sealed record TaggedForm(string Tag, Func<object, JsonNode> Write, Func<JsonNode?, object> Read);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly ValueKindTable<TaggedForm> Forms = new(
        String: new("s", v => (string)v, n => Text(n)),
        Integer: new("l", v => ((long)v).ToString(Invariant), n => long.Parse(Text(n), NumberStyles.AllowLeadingSign, Invariant)),
        Decimal: new("m", v => ((decimal)v).ToString(Invariant),
            n => decimal.Parse(Text(n), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant)),
        Boolean: new("b", v => (bool)v, n => n?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException("Malformed boolean."),
        }),
        Date: new("d", v => ((DateOnly)v).ToString("yyyy-MM-dd", Invariant), n => DateOnly.ParseExact(Text(n), "yyyy-MM-dd", Invariant)),
        DateTime: new("t", v => AsUtc((DateTime)v).Ticks.ToString(Invariant),
            n => new DateTime(long.Parse(Text(n), NumberStyles.None, Invariant), DateTimeKind.Utc)),
        Guid: new("g", v => ((Guid)v).ToString("D"), n => System.Guid.ParseExact(Text(n), "D")),
        StringList: new("a", v => new JsonArray(((string[])v).Select(item => (JsonNode)item).ToArray()),
            n => n is JsonArray items ? items.Select(Text).ToArray() : throw new FormatException("Malformed list.")));

    private static readonly Dictionary<string, TaggedForm> ByTag = Forms.Entries.ToDictionary(e => e.Entry.Tag, e => e.Entry, StringComparer.Ordinal);

    public static JsonNode? Write(object? value) => value switch
    {
        null => null,
        int i => Pair(Forms[ValueKind.Integer], (long)i),
        _ => ValueKind.Of(value) is { } kind
            ? Pair(Forms[kind], value)
            : throw new ArgumentException($"Values of type {value.GetType().Name} cannot be written.", nameof(value)),
    };

    /// <summary>Writes what <see cref="Write(object?)"/> returns, without building the pair's node.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        var (form, item) = value is int i ? (Forms[ValueKind.Integer], (object)(long)i)
            : ValueKind.Of(value) is { } kind ? (Forms[kind], value)
            : throw new ArgumentException($"Values of type {value.GetType().Name} cannot be written.", nameof(value));
        writer.WriteStartArray();
        writer.WriteStringValue(form.Tag);
        form.Write(item).WriteTo(writer);
        writer.WriteEndArray();
    }

    /// <summary>Reads what <see cref="Write(object?)"/> wrote; throws <see cref="FormatException"/> on anything else.</summary>
    public static object? Read(JsonNode? node)
    {
        if (node is null) return null;
        if (node is not JsonArray { Count: 2 } pair || pair[0]?.GetValueKind() != JsonValueKind.String)
            throw new FormatException("Malformed value.");
        var tag = pair[0]!.GetValue<string>();
        return ByTag.TryGetValue(tag, out var form) ? form.Read(pair[1]) : throw new FormatException($"Unknown value type '{tag}'.");
    }

    private static JsonArray Pair(TaggedForm form, object value) => new(form.Tag, form.Write(value));

    private static string Text(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw new FormatException("Malformed value.");

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
