using System.Text.Json;

namespace Platform.Api.Tests.Support;

/// <summary>
/// A valid create body for any entity, built from its definition (GET .../metadata/entities/{entity}): every writable
/// field gets a value of its type within its rules, so the records a test reads back carry every field.
/// </summary>
public static class SampleRecords
{
    /// <param name="definition">The entity definition as the metadata endpoint answers it.</param>
    /// <param name="lookups">An existing record id per target entity, for lookup fields.</param>
    /// <param name="n">Makes unique values unique.</param>
    public static Dictionary<string, object?> Body(JsonElement definition, IReadOnlyDictionary<string, Guid> lookups, int n)
    {
        var body = new Dictionary<string, object?>();
        foreach (var field in definition.GetProperty("fields").EnumerateArray())
        {
            if (field.TryGetProperty("formula", out _)) continue;
            var name = field.GetProperty("name").GetString()!;
            var value = Value(field, lookups, n);
            if (value is not null) body[name] = value;
        }
        return body;
    }

    private static object? Value(JsonElement field, IReadOnlyDictionary<string, Guid> lookups, int n)
    {
        var max = field.TryGetProperty("maxLength", out var length) ? length.GetInt32() : 255;
        var min = field.TryGetProperty("min", out var low) ? low.GetDecimal() : 0m;
        var options = field.TryGetProperty("options", out var list) ? list.EnumerateArray().Select(o => o.GetProperty("value").GetString()!).ToList() : [];
        string Text(string text) => text.Length <= max ? text : text[..max];
        return field.GetProperty("type").GetString() switch
        {
            "text" => Text($"Sample {n} Zoë 张伟"),
            "longtext" => $"Notes {n}\nsecond line",
            "integer" => (long)Math.Max(min, 7),
            "decimal" or "currency" => Math.Max(min, 12.5m),
            "boolean" => true,
            "date" => "2024-05-06",
            "datetime" => "2024-05-06T07:08:09.123Z",
            "choice" => options[^1],
            "multichoice" => new[] { options[0] },
            "email" => $"sample{n}@example.com",
            "phone" => "+1 555 0100 123",
            "url" => $"https://example.com/{n}",
            "lookup" => lookups.TryGetValue(field.GetProperty("target").GetString()!, out var id) ? id : null,
            _ => null, // autonumber
        };
    }
}
