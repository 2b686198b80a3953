using System.Data;
using System.Globalization;
using System.Text.Json;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Storage.Records;

/// <summary>
/// Each storage kind's <see cref="ColumnForm"/>. SQLite has no date, uuid or exact decimal type: dates and times are
/// ISO text (so they sort as text), ids are lowercase text, and decimals are integers scaled by 10^scale (exact,
/// comparable, indexable).
/// </summary>
internal static class ColumnForms
{
    private const string SqliteDateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static readonly ValueKindTable<ColumnForm> Table = new(
        String: new(typeof(string),
            (value, _, _) => value,
            (reader, ordinal, _, _) => reader.GetString(ordinal),
            DbType.String),
        Integer: new(typeof(long),
            (value, _, _) => value,
            (reader, ordinal, _, _) => reader.GetInt64(ordinal),
            DbType.Int64),
        Decimal: new(typeof(decimal),
            (value, column, _) => column.DecimalScaleOnDisk is { } scale
                ? decimal.ToInt64(decimal.Round((decimal)value * FieldColumnMapper.Pow10(scale), 0, MidpointRounding.AwayFromZero))
                : value,
            (reader, ordinal, column, _) => column.DecimalScaleOnDisk is { } scale
                ? reader.GetInt64(ordinal) / FieldColumnMapper.Pow10(scale)
                : reader.GetDecimal(ordinal),
            DbType.Decimal),
        Boolean: new(typeof(bool),
            (value, _, sqlite) => sqlite ? ((bool)value ? 1L : 0L) : value,
            (reader, ordinal, _, sqlite) => sqlite ? reader.GetInt64(ordinal) != 0 : reader.GetBoolean(ordinal),
            DbType.Boolean),
        Date: new(typeof(DateOnly),
            (value, _, sqlite) => sqlite ? ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value,
            (reader, ordinal, _, sqlite) => sqlite ? SqliteText.ReadDate(reader.GetString(ordinal)) : reader.GetFieldValue<DateOnly>(ordinal),
            DbType.Date),
        DateTime: new(typeof(DateTime),
            (value, _, sqlite) => sqlite
                ? AsUtc((DateTime)value).ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture)
                : AsUtc((DateTime)value),
            (reader, ordinal, _, sqlite) => sqlite ? SqliteText.ReadDateTime(reader.GetString(ordinal)) : AsUtc(reader.GetDateTime(ordinal)),
            DbType.DateTime),
        Guid: new(typeof(Guid),
            (value, _, sqlite) => sqlite ? ((Guid)value).ToString("D") : value,
            (reader, ordinal, _, sqlite) => sqlite ? System.Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal),
            DbType.Guid),
        StringList: new(typeof(string),
            (value, _, _) => JsonSerializer.Serialize((string[])value),
            (reader, ordinal, _, _) => ReadList(reader.GetString(ordinal)),
            DbType.String));

    // Most lists are empty: "[]" skips the JSON reader.
    private static string[] ReadList(string json) => json == "[]" ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
