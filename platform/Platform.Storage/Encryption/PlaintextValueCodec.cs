using System.Globalization;
using System.Text.Json;
using Platform.Metadata.FieldTypes;

namespace Platform.Storage.Encryption;

/// <summary>The clear text an encrypted value is sealed from: JSON of the platform value, read back by the column's kind.</summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class PlaintextValueCodec
{
    /// <param name="Read">Reads what <see cref="Write"/> wrote.</param>
    /// <param name="ReadLegacy">Reads a value stored in clear before its field was marked encrypted (the column became text).</param>
    private sealed record PlaintextForm(Func<string, object?> Read, Func<string, object?> ReadLegacy);

    private static readonly ValueKindTable<PlaintextForm> Forms = new(
        String: new(text => JsonSerializer.Deserialize<string>(text), text => text),
        Integer: new(text => JsonSerializer.Deserialize<long>(text), text => long.Parse(text, CultureInfo.InvariantCulture)),
        Decimal: new(text => JsonSerializer.Deserialize<decimal>(text), text => decimal.Parse(text, CultureInfo.InvariantCulture)),
        Boolean: new(text => JsonSerializer.Deserialize<bool>(text), text => text is "1" or "true" or "TRUE" or "t"),
        Date: new(text => JsonSerializer.Deserialize<DateOnly>(text), text => DateOnly.Parse(text[..Math.Min(10, text.Length)], CultureInfo.InvariantCulture)),
        DateTime: new(
            text => DateTime.SpecifyKind(JsonSerializer.Deserialize<DateTime>(text).ToUniversalTime(), DateTimeKind.Utc),
            text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)),
        Guid: new(text => JsonSerializer.Deserialize<Guid>(text), text => System.Guid.Parse(text)),
        StringList: new(text => JsonSerializer.Deserialize<string[]>(text) ?? [], text => JsonSerializer.Deserialize<string[]>(text) ?? []));

    public static string Write(object value) => JsonSerializer.Serialize(value, value.GetType());

    public static object? Read(string text, ValueKind kind) => Forms[kind].Read(text);

    /// <summary>A value stored in clear before its field was marked encrypted (the column became text): read as that text.</summary>
    public static object? ReadLegacy(string text, ValueKind kind) => Forms[kind].ReadLegacy(text);
}
