using System.Globalization;
using System.Text.Json.Nodes;

namespace Platform.Querying;

/// <summary>
/// Writes platform values as JSON that keeps their CLR type, so a decoded value is exactly the one encoded:
/// <c>["g","…"]</c> Guid, <c>["d","2024-05-01"]</c> DateOnly, <c>["t","638…"]</c> UTC DateTime as ticks,
/// <c>["m","1.50"]</c> decimal, <c>["l","42"]</c> long, <c>["b",true]</c> bool, <c>["s","…"]</c> string, null.
/// </summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
internal static class TaggedJsonValueCodec
{
    public static JsonNode? Write(object? value) => value switch
    {
        null => null,
        string s => Pair("s", s),
        long l => Pair("l", l.ToString(CultureInfo.InvariantCulture)),
        int i => Pair("l", i.ToString(CultureInfo.InvariantCulture)),
        decimal m => Pair("m", m.ToString(CultureInfo.InvariantCulture)),
        bool b => new JsonArray("b", b),
        DateOnly d => Pair("d", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime t => Pair("t", AsUtc(t).Ticks.ToString(CultureInfo.InvariantCulture)),
        Guid g => Pair("g", g.ToString("D")),
        _ => throw new ArgumentException($"Values of type {value.GetType().Name} cannot be written.", nameof(value)),
    };

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="FormatException"/> on anything else.</summary>
    public static object? Read(JsonNode? node)
    {
        if (node is null) return null;
        if (node is not JsonArray { Count: 2 } pair || pair[0]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            throw new FormatException("Malformed value.");
        var tag = pair[0]!.GetValue<string>();
        if (tag == "b")
            return pair[1]?.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.True => true,
                System.Text.Json.JsonValueKind.False => false,
                _ => throw new FormatException("Malformed boolean."),
            };
        if (pair[1]?.GetValueKind() != System.Text.Json.JsonValueKind.String) throw new FormatException("Malformed value.");
        var text = pair[1]!.GetValue<string>();
        var invariant = CultureInfo.InvariantCulture;
        return tag switch
        {
            "s" => text,
            "l" => long.Parse(text, NumberStyles.AllowLeadingSign, invariant),
            "m" => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant),
            "d" => DateOnly.ParseExact(text, "yyyy-MM-dd", invariant),
            "t" => new DateTime(long.Parse(text, NumberStyles.None, invariant), DateTimeKind.Utc),
            "g" => Guid.ParseExact(text, "D"),
            _ => throw new FormatException($"Unknown value type '{tag}'."),
        };
    }

    private static JsonArray Pair(string tag, string text) => new(tag, text);

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
