using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Metadata.Definitions.Dashboards;

/// <summary>What a chart groups by: a field ("stage"), or a part of a date field ({"field": "close_date", "part": "month"}).</summary>
[JsonConverter(typeof(ChartGroupByJsonConverter))]
public sealed record ChartGroupBy(string Field, string? Part = null);

/// <summary>Reads and writes the two spellings, so export writes back what the consultant wrote.</summary>
public sealed class ChartGroupByJsonConverter : JsonConverter<ChartGroupBy>
{
    public override ChartGroupBy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new ChartGroupBy(reader.GetString()!);
        var part = JsonSerializer.Deserialize<PartOf>(ref reader, options) ?? throw new JsonException("groupBy must be a field name or {\"field\", \"part\"}.");
        return new ChartGroupBy(part.Field, part.Part);
    }

    public override void Write(Utf8JsonWriter writer, ChartGroupBy value, JsonSerializerOptions options)
    {
        if (value.Part is null) writer.WriteStringValue(value.Field);
        else JsonSerializer.Serialize(writer, new PartOf { Field = value.Field, Part = value.Part }, options);
    }

    private sealed record PartOf
    {
        public required string Field { get; init; }
        public required string Part { get; init; }
    }
}
