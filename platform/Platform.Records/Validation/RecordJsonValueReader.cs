using System.Globalization;
using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Records.Validation;

/// <summary>Reads one field's value from a JSON body into the platform type of the field, or says why it cannot.</summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class RecordJsonValueReader
{
    public static bool TryRead(FieldDefinition field, JsonElement json, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (json.ValueKind == JsonValueKind.Null) return true;
        var kind = field.Type.Descriptor.Storage;
        switch (kind)
        {
            case ValueKind.Integer when json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var integer):
                value = integer;
                return true;
            case ValueKind.Integer:
                error = "must be a whole number";
                return false;
            case ValueKind.Decimal when json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var number):
                value = number;
                return true;
            case ValueKind.Decimal:
                error = "must be a number";
                return false;
            case ValueKind.Boolean when json.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = json.GetBoolean();
                return true;
            case ValueKind.Boolean:
                error = "must be true or false";
                return false;
            case ValueKind.StringList:
                return TryReadList(json, out value, out error);
        }

        if (json.ValueKind != JsonValueKind.String)
        {
            error = kind switch
            {
                ValueKind.Date => "must be a date string like \"2026-12-31\"",
                ValueKind.DateTime => "must be a date-time string like \"2026-12-31T09:30:00Z\"",
                ValueKind.Guid => "must be the id (a UUID string) of the referenced record",
                _ => "must be a string",
            };
            return false;
        }
        var text = json.GetString()!;
        switch (kind)
        {
            case ValueKind.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                value = date;
                return true;
            case ValueKind.Date:
                error = "must be a date like \"2026-12-31\"";
                return false;
            case ValueKind.DateTime when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment):
                value = moment.UtcDateTime;
                return true;
            case ValueKind.DateTime:
                error = "must be an ISO 8601 date-time like \"2026-12-31T09:30:00Z\"";
                return false;
            case ValueKind.Guid when Guid.TryParse(text, out var id):
                value = id;
                return true;
            case ValueKind.Guid:
                error = "must be the id (a UUID) of the referenced record";
                return false;
            default:
                value = text;
                return true;
        }
    }

    private static bool TryReadList(JsonElement json, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (json.ValueKind != JsonValueKind.Array)
        {
            error = "must be an array of option values";
            return false;
        }
        var items = new List<string>();
        foreach (var item in json.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error = "must be an array of option values (strings)";
                return false;
            }
            items.Add(item.GetString()!);
        }
        value = items.ToArray();
        return true;
    }
}
