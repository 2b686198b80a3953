using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Audit.Trail;

/// <summary>How field values appear in audit entries.</summary>
public static class AuditValues
{
    /// <summary>Stands for the value of an encrypted field: the audit trail must not hold it in clear text.</summary>
    public const string Encrypted = "[encrypted]";

    /// <summary>Replaces values a data-subject erasure scrubbed from earlier entries.</summary>
    public const string Erased = "[erased]";

    public static JsonNode? ToJson(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType());

    /// <summary>Writes a non-null value as <see cref="ToJson"/>'s node would be written (the serializer's converters).</summary>
    public static void Write(Utf8JsonWriter writer, object value)
    {
        // The common kinds directly, as their built-in converters write them; anything else through the serializer.
        switch (value)
        {
            case string text: writer.WriteStringValue(text); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case Guid id: writer.WriteStringValue(id); break;
            default: JsonSerializer.Serialize(writer, value, value.GetType()); break;
        }
    }
}
