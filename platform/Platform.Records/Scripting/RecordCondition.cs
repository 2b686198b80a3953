using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions.Screens;

namespace Platform.Records.Scripting;

/// <summary>
/// Evaluates a JSON condition (forms' rules, actions' availableWhen) on a record as the record service returns it,
/// with the browser's semantics (designer/src/forms/conditions.ts): a list field equals a value when any item does,
/// numbers compare as numbers, anything else as invariant text (ISO dates order correctly), and a missing field is empty.
/// </summary>
public static class RecordCondition
{
    public static bool Holds(FormCondition condition, IReadOnlyDictionary<string, object?> record)
    {
        if (condition.And is { } all) return all.All(c => Holds(c, record));
        if (condition.Or is { } any) return any.Any(c => Holds(c, record));
        if (condition.Not is { } not) return !Holds(not, record);
        if (condition.Field is not { } field) return false;
        var value = Plain(record.TryGetValue(field, out var raw) ? raw : null);
        var wanted = condition.Value;
        var want = Plain(wanted);
        return condition.Op switch
        {
            "eq" => IsEmpty(want) ? IsEmpty(value) : Equal(value, want),
            "ne" => !(IsEmpty(want) ? IsEmpty(value) : Equal(value, want)),
            "in" => wanted is JsonArray list && list.Any(w => Equal(value, Plain(w))),
            "notIn" => !(wanted is JsonArray list2 && list2.Any(w => Equal(value, Plain(w)))),
            "empty" => IsEmpty(value),
            "notEmpty" => !IsEmpty(value),
            "gt" => Compare(value, want) is > 0,
            "lt" => Compare(value, want) is < 0,
            _ => false,
        };
    }

    /// <summary>A record or JSON value as null, text, decimal, bool or a list of those.</summary>
    private static object? Plain(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag,
        byte or short or int or long or decimal or float or double => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        JsonNode node => Plain(JsonSerializer.Deserialize<JsonElement>(node.ToJsonString())),
        JsonElement element => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Array => element.EnumerateArray().Select(e => Plain(e)).ToList(),
            JsonValueKind.Object when element.TryGetProperty("id", out var id) => Plain(id),
            _ => null,
        },
        // An expanded lookup compares by its id, as in the browser.
        IReadOnlyDictionary<string, object?> expanded => expanded.TryGetValue("id", out var id) ? Plain(id) : null,
        IEnumerable items => items.Cast<object?>().Select(Plain).ToList(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static bool IsEmpty(object? value) => value is null or "" or List<object?> { Count: 0 };

    private static bool Equal(object? a, object? b)
    {
        if (a is List<object?> items) return items.Any(item => Equal(item, b));
        if (a is null || b is null) return a is null && b is null;
        if (a is decimal || b is decimal) return Number(a) is { } x && Number(b) is { } y && x == y;
        return a.Equals(b);
    }

    private static int? Compare(object? a, object? b)
    {
        if (IsEmpty(a) || IsEmpty(b)) return null;
        if (a is decimal || b is decimal) return Number(a) is { } x && Number(b) is { } y ? x.CompareTo(y) : null;
        return string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture));
    }

    private static decimal? Number(object? value) => value switch
    {
        decimal number => number,
        string text when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
