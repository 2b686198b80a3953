using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>Whether a definition's constant default is a value of a storage kind; the default of <see cref="FieldTypeDescriptor.CheckDefault"/>.</summary>
public static class DefaultValues
{
    public static string? Check(FieldTypeDescriptor type, JsonNode value)
    {
        var kind = value.GetValueKind();
        return type.Storage switch
        {
            ValueKind.String => kind == JsonValueKind.String ? null : Expected("a text", type, value),
            ValueKind.Integer => IsWholeNumber(value) ? null : Expected("a whole number", type, value),
            ValueKind.Decimal => kind == JsonValueKind.Number ? null : Expected("a number", type, value),
            ValueKind.Boolean => kind is JsonValueKind.True or JsonValueKind.False ? null : Expected("true or false", type, value),
            ValueKind.Date => IsIso<DateOnly>(value) ? null : Expected("an ISO 8601 date such as \"2024-12-31\"", type, value),
            ValueKind.DateTime => IsIso<DateTimeOffset>(value)
                ? null
                : Expected("an ISO 8601 date and time such as \"2024-12-31T09:00:00Z\"", type, value),
            ValueKind.StringList => value is JsonArray array && array.All(v => v?.GetValueKind() == JsonValueKind.String)
                ? null
                : Expected("an array of texts", type, value),
            ValueKind.Guid => NotAllowed(type),
        };
    }

    public static string NotAllowed(FieldTypeDescriptor type) => $"a {type.Name} field cannot have a default";

    public static string Expected(string expected, FieldTypeDescriptor type, JsonNode value) =>
        $"the default of a {type.Name} field must be {expected}, not {value.ToJsonString()}";

    private static bool IsWholeNumber(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number &&
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) &&
        number == decimal.Truncate(number);

    // System.Text.Json reads exactly ISO 8601 (DateOnly as yyyy-MM-dd), which is what the API accepts too.
    private static bool IsIso<T>(JsonNode value)
    {
        if (value.GetValueKind() != JsonValueKind.String) return false;
        try
        {
            JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value.GetValue<string>()));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
