using System.Globalization;
using System.Text.Json;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Storage.Encryption;

/// <summary>The clear text an encrypted value is sealed from: JSON of the platform value, read back by the column's kind.</summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class PlaintextValueCodec
{
    public static string Write(object value) => JsonSerializer.Serialize(value, value.GetType());

    public static object? Read(string text, ValueKind kind) => kind switch
    {
        ValueKind.String => JsonSerializer.Deserialize<string>(text),
        ValueKind.Integer => JsonSerializer.Deserialize<long>(text),
        ValueKind.Decimal => JsonSerializer.Deserialize<decimal>(text),
        ValueKind.Boolean => JsonSerializer.Deserialize<bool>(text),
        ValueKind.Date => JsonSerializer.Deserialize<DateOnly>(text),
        ValueKind.DateTime => DateTime.SpecifyKind(JsonSerializer.Deserialize<DateTime>(text).ToUniversalTime(), DateTimeKind.Utc),
        ValueKind.Guid => JsonSerializer.Deserialize<Guid>(text),
        ValueKind.StringList => JsonSerializer.Deserialize<string[]>(text) ?? [],
    };

    /// <summary>A value stored in clear before its field was marked encrypted (the column became text): read as that text.</summary>
    public static object? ReadLegacy(string text, ValueKind kind) => kind switch
    {
        ValueKind.String => text,
        ValueKind.Integer => long.Parse(text, CultureInfo.InvariantCulture),
        ValueKind.Decimal => decimal.Parse(text, CultureInfo.InvariantCulture),
        ValueKind.Boolean => text is "1" or "true" or "TRUE" or "t",
        ValueKind.Date => DateOnly.Parse(text[..Math.Min(10, text.Length)], CultureInfo.InvariantCulture),
        ValueKind.DateTime => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        ValueKind.Guid => Guid.Parse(text),
        ValueKind.StringList => JsonSerializer.Deserialize<string[]>(text) ?? [],
    };
}
