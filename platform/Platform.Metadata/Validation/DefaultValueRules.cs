using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>A field's <c>default</c> must be a value the field can hold.</summary>
internal static class DefaultValueRules
{
    public static IEnumerable<DefinitionError> Check(EntityEntry entry, FieldDefinition field, string at)
    {
        if (field.Default is not { } value) yield break;
        if (Problem(field, value) is { } problem) yield return entry.Error($"{at}/default", problem);
    }

    private static string? Problem(FieldDefinition field, JsonNode value)
    {
        var kind = value.GetValueKind();
        var type = FieldTypeNames.Of(field.Type);
        return field.Type switch
        {
            FieldType.Text or FieldType.LongText or FieldType.Email or FieldType.Phone or FieldType.Url =>
                kind == JsonValueKind.String ? null : Expected("a text", type, value),
            FieldType.Integer => IsWholeNumber(value) ? null : Expected("a whole number", type, value),
            FieldType.Decimal or FieldType.Currency => kind == JsonValueKind.Number ? null : Expected("a number", type, value),
            FieldType.Boolean => kind is JsonValueKind.True or JsonValueKind.False ? null : Expected("true or false", type, value),
            FieldType.Date => IsIso<DateOnly>(value) ? null : Expected("an ISO 8601 date such as \"2024-12-31\"", type, value),
            FieldType.DateTime => IsIso<DateTimeOffset>(value) ? null : Expected("an ISO 8601 date and time such as \"2024-12-31T09:00:00Z\"", type, value),
            FieldType.Choice => kind == JsonValueKind.String ? UnknownOptions(field, [value.GetValue<string>()]) : Expected("one option value", type, value),
            FieldType.MultiChoice => value is JsonArray array && array.All(v => v?.GetValueKind() == JsonValueKind.String)
                ? UnknownOptions(field, array.Select(v => v!.GetValue<string>()))
                : Expected("an array of option values", type, value),
            _ => $"a {type} field cannot have a default",
        };
    }

    private static string? UnknownOptions(FieldDefinition field, IEnumerable<string> values)
    {
        var options = field.Options?.Select(o => o.Value).ToList() ?? [];
        var unknown = values.Where(v => !options.Contains(v)).ToList();
        return unknown.Count == 0
            ? null
            : $"default {string.Join(", ", unknown.Select(v => $"'{v}'"))} is not among the options; expected one of {string.Join(", ", options)}";
    }

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

    private static string Expected(string expected, string type, JsonNode value) =>
        $"the default of a {type} field must be {expected}, not {value.ToJsonString()}";
}
