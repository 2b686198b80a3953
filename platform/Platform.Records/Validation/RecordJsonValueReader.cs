using System.Text.Json;
using Platform.Metadata.Definitions;

namespace Platform.Records.Validation;

/// <summary>Reads one field's value from a JSON body into the platform type of the field (by its storage kind), or says why it cannot.</summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class RecordJsonValueReader
{
    public static bool TryRead(FieldDefinition field, JsonElement json, out object? value, out string? error)
    {
        if (json.ValueKind != JsonValueKind.Null) return field.Type.Descriptor.Storage.TryReadJson(json, out value, out error);
        value = null;
        error = null;
        return true;
    }
}
