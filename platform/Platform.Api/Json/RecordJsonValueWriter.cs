using System.Globalization;
using System.Text.Json;
using Platform.Metadata.FieldTypes;

namespace Platform.Api.Json;

/// <summary>Writes records as JSON, each value in its storage kind's form (<see cref="ValueKind.WriteJson"/>): ids as strings, dates as "yyyy-MM-dd", times as UTC ISO 8601, decimals as numbers.</summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class RecordJsonValueWriter
{
    /// <param name="fields">Fields to write in order; null writes every field of the row.</param>
    /// <param name="expanded">Lookup field to the referenced record, written as an object in place of the id.</param>
    /// <param name="navigationOf">
    /// For OData clients: the navigation property each expanded record is written under, after the fields, the id staying
    /// in its field (as <c>$metadata</c> describes them); null writes it in place of the id.
    /// </param>
    /// <param name="context">An <c>@odata.context</c> to write first (a single record answered to an OData client).</param>
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> row, IReadOnlyList<string>? fields = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>?>? expanded = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>?>? expandedFields = null, Func<string, string>? navigationOf = null, string? context = null)
    {
        writer.WriteStartObject();
        if (context is not null) writer.WriteString("@odata.context", context);
        foreach (var name in fields ?? (IEnumerable<string>)row.Keys)
        {
            if (!row.TryGetValue(name, out var value)) continue;
            writer.WritePropertyName(name);
            if (navigationOf is null && expanded is not null && expanded.TryGetValue(name, out var target)) WriteExpanded(writer, target, expandedFields?.GetValueOrDefault(name));
            else WriteValue(writer, value);
        }
        if (navigationOf is not null && expanded is not null)
            foreach (var (name, target) in expanded)
            {
                writer.WritePropertyName(navigationOf(name));
                WriteExpanded(writer, target, expandedFields?.GetValueOrDefault(name));
            }
        writer.WriteEndObject();
    }

    private static void WriteExpanded(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?>? target, IReadOnlyList<string>? fields)
    {
        if (target is null) writer.WriteNullValue();
        else Write(writer, target, fields);
    }

    /// <summary>Relaxed escaping: links and non-ASCII text stay readable; the output is never embedded in HTML.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        if (value is null) writer.WriteNullValue();
        else if (ValueKind.Of(value) is { } kind) kind.WriteJson(writer, value);
        // Not a platform value (a script's or a system row's): its invariant text.
        else writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    public static byte[] ToBytes(IReadOnlyDictionary<string, object?> row)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, row);
        return buffer.WrittenSpan.ToArray();
    }
}
