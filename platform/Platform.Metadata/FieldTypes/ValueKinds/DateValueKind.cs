using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>A calendar date, ISO "yyyy-MM-dd" in JSON.</summary>
internal sealed class DateValueKind : ValueKind
{
    public override string Name => "Date";

    public override Type ClrType => typeof(DateOnly);

    public override string JsonType => "string";

    public override IReadOnlyList<string> FilterOperators => FieldTypes.FilterOperators.Ordered;

    public override string? CheckDefault(FieldTypeDescriptor type, JsonNode value) =>
        DefaultValues.IsIso<DateOnly>(value) ? null : DefaultValues.Expected("an ISO 8601 date such as \"2024-12-31\"", type, value);

    public override object ReadDefault(JsonNode value) => DateOnly.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture);

    public override bool TryReadJson(JsonElement json, out object? value, out string? error) =>
        json.ValueKind != JsonValueKind.String ? Fail("must be a date string like \"2026-12-31\"", out value, out error)
        : DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Ok(date, out value, out error)
        : Fail("must be a date like \"2026-12-31\"", out value, out error);

    public override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteStringValue(((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    internal override T Pick<T>(ValueKindTable<T> table) => table.Date;
}
