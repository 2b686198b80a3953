using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Metadata.Definitions;

/// <summary>A label written either as a plain string or as a map of locale to text.</summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    public const string DefaultLocale = "en";

    public LocalizedText(string text) => Values = new Dictionary<string, string> { [DefaultLocale] = text };

    public LocalizedText(IReadOnlyDictionary<string, string> values) => Values = values;

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>True when written as a plain string (kept so export writes it back the same way).</summary>
    public bool IsPlain => Values.Count == 1 && Values.ContainsKey(DefaultLocale);

    public string Get(string? locale = null)
    {
        if (locale is not null)
        {
            if (Values.TryGetValue(locale, out var exact)) return exact;
            var dash = locale.IndexOf('-');
            if (dash > 0 && Values.TryGetValue(locale[..dash], out var language)) return language;
        }
        return Values.TryGetValue(DefaultLocale, out var fallback) ? fallback : Values.Values.FirstOrDefault() ?? "";
    }

    public override string ToString() => Get();

    public bool Equals(LocalizedText? other) =>
        other is not null && Values.Count == other.Values.Count &&
        Values.All(pair => other.Values.TryGetValue(pair.Key, out var v) && v == pair.Value);

    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    public override int GetHashCode() => Values.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value));
}

public sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new LocalizedText(reader.GetString()!);
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options)
                  ?? throw new JsonException("A label must be a string or an object of locale to text.");
        return new LocalizedText(map);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        if (value.IsPlain) { writer.WriteStringValue(value.Get()); return; }
        writer.WriteStartObject();
        foreach (var (locale, text) in value.Values) writer.WriteString(locale, text);
        writer.WriteEndObject();
    }
}
