using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>Whether a definition's constant default is a value of a storage kind; the default of <see cref="FieldTypeDescriptor.CheckDefault"/>.</summary>
public static class DefaultValues
{
    public static string? Check(FieldTypeDescriptor type, JsonNode value) => type.Storage.CheckDefault(type, value);

    public static string NotAllowed(FieldTypeDescriptor type) => $"a {type.Name} field cannot have a default";

    public static string Expected(string expected, FieldTypeDescriptor type, JsonNode value) =>
        $"the default of a {type.Name} field must be {expected}, not {value.ToJsonString()}";

    internal static bool IsWholeNumber(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number &&
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) &&
        number == decimal.Truncate(number);

    // System.Text.Json reads exactly ISO 8601 (DateOnly as yyyy-MM-dd), which is what the API accepts too.
    internal static bool IsIso<T>(JsonNode value)
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
