using System.Globalization;
using System.Text.Json;

namespace Platform.Api.Json;

/// <summary>Writes records as JSON: ids as strings, dates as "yyyy-MM-dd", times as UTC ISO 8601, decimals as numbers.</summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class RecordJsonValueWriter
{
    /// <param name="fields">Fields to write in order; null writes every field of the row.</param>
    /// <param name="expanded">Lookup field to the referenced record, written as an object in place of the id.</param>
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> row, IReadOnlyList<string>? fields = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>?>? expanded = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>?>? expandedFields = null)
    {
        writer.WriteStartObject();
        foreach (var name in fields ?? (IEnumerable<string>)row.Keys)
        {
            if (!row.TryGetValue(name, out var value)) continue;
            writer.WritePropertyName(name);
            if (expanded is not null && expanded.TryGetValue(name, out var target))
            {
                if (target is null) writer.WriteNullValue();
                else Write(writer, target, expandedFields?.GetValueOrDefault(name));
                continue;
            }
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    /// <summary>Relaxed escaping: links and non-ASCII text stay readable; the output is never embedded in HTML.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case long l: writer.WriteNumberValue(l); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case Guid g: writer.WriteStringValue(g); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime time: writer.WriteStringValue(DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)); break;
            case string[] list:
                writer.WriteStartArray();
                foreach (var item in list) writer.WriteStringValue(item);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    public static byte[] ToBytes(IReadOnlyDictionary<string, object?> row)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, row);
        return buffer.WrittenSpan.ToArray();
    }
}
