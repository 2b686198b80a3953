using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>A moment, held as a UTC DateTime, ISO 8601 in JSON.</summary>
internal sealed class DateTimeValueKind : ValueKind
{
    public override string Name => "DateTime";

    public override Type ClrType => typeof(DateTime);

    public override string JsonType => "string";

    public override IReadOnlyList<string> FilterOperators => FieldTypes.FilterOperators.Ordered;

    public override string? CheckDefault(FieldTypeDescriptor type, JsonNode value) =>
        DefaultValues.IsIso<DateTimeOffset>(value) ? null : DefaultValues.Expected("an ISO 8601 date and time such as \"2024-12-31T09:00:00Z\"", type, value);

    public override object ReadDefault(JsonNode value) => System.DateTime.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public override bool TryReadJson(JsonElement json, out object? value, out string? error) =>
        json.ValueKind != JsonValueKind.String ? Fail("must be a date-time string like \"2026-12-31T09:30:00Z\"", out value, out error)
        : DateTimeOffset.TryParse(json.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? Ok(moment.UtcDateTime, out value, out error)
        : Fail("must be an ISO 8601 date-time like \"2026-12-31T09:30:00Z\"", out value, out error);

    public override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteStringValue(System.DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    internal override T Pick<T>(ValueKindTable<T> table) => table.DateTime;
}
