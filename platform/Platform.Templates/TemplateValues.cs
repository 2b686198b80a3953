using System.Collections;
using System.Globalization;
using System.Text.Json;
using Scriban.Runtime;

namespace Platform.Templates;

/// <summary>
/// Turns model values into what Scriban handles as data (strings, numbers, booleans, dates, script objects and
/// arrays), so a template never holds a .NET object whose members or methods it could reach.
/// </summary>
internal static class TemplateValues
{
    public static object? From(object? value, int depth = 0) => value switch
    {
        null => null,
        string or bool or int or long or double or decimal or float or short or byte => value,
        Guid guid => guid.ToString(),
        DateTime dateTime => dateTime,
        DateTimeOffset offset => offset.UtcDateTime,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        TimeOnly time => time.ToTimeSpan(),
        TimeSpan span => span,
        JsonElement json => FromJson(json, depth),
        _ when depth > 16 => null,
        IReadOnlyDictionary<string, object?> map => Object(map, depth),
        IDictionary dictionary => Object(dictionary.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, CultureInfo.InvariantCulture)!, k => dictionary[k]), depth),
        IEnumerable items => Array(items.Cast<object?>(), depth),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static ScriptObject Object(IEnumerable<KeyValuePair<string, object?>> members, int depth = 0)
    {
        var result = new ScriptObject(StringComparer.Ordinal);
        foreach (var (name, value) in members) result.SetValue(name, From(value, depth + 1), readOnly: true);
        return result;
    }

    private static ScriptArray Array(IEnumerable<object?> items, int depth)
    {
        var result = new ScriptArray();
        foreach (var item in items) result.Add(From(item, depth + 1));
        return result;
    }

    private static object? FromJson(JsonElement json, int depth) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetInt64(out var whole) ? whole : json.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object when depth <= 16 => Object(json.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)), depth),
        JsonValueKind.Array when depth <= 16 => Array(json.EnumerateArray().Select(e => (object?)e), depth),
        _ => null,
    };
}
