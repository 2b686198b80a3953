using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Encryption;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>
/// Converts platform values to what a column stores and back. SQLite has no date, uuid or exact decimal type:
/// dates and times are ISO text (so they sort as text), ids are lowercase text, and decimals are integers
/// scaled by 10^scale (exact, comparable, indexable).
/// </summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class ColumnValueCodec
{
    private const string SqliteDateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>
    /// As <see cref="ToDb(ColumnModel, object?, DatabaseProvider)"/>, sealing the values of encrypted columns bound to
    /// their row (<paramref name="entity"/>, <paramref name="recordId"/>).
    /// </summary>
    public static object? ToDb(ColumnModel column, object? value, DatabaseProvider provider, TenantFieldCipher? cipher, string entity, Guid recordId)
    {
        if (!column.IsEncrypted || value is null) return ToDb(column, value, provider);
        return (cipher ?? throw new EncryptionKeyMissingException(column.Name)).Encrypt(PlaintextValueCodec.Write(value), entity, column.Name, recordId);
    }

    /// <summary>As <see cref="Read(DbDataReader, int, ColumnModel, DatabaseProvider)"/>, opening the values of encrypted columns.</summary>
    public static object? Read(DbDataReader reader, int ordinal, ColumnModel column, DatabaseProvider provider, TenantFieldCipher? cipher, string entity, Guid recordId)
    {
        if (!column.IsEncrypted) return Read(reader, ordinal, column, provider);
        if (reader.IsDBNull(ordinal)) return null;
        var stored = reader.GetString(ordinal);
        if (!TenantFieldCipher.IsSealed(stored)) return PlaintextValueCodec.ReadLegacy(stored, column.Kind);
        return PlaintextValueCodec.Read((cipher ?? throw new EncryptionKeyMissingException(column.Name)).Decrypt(stored, entity, column.Name, recordId), column.Kind);
    }

    public static object? ToDb(ColumnModel column, object? value, DatabaseProvider provider)
    {
        if (value is null) return null;
        if (column.Kind == ValueKind.StringList) return value is string s ? s : JsonSerializer.Serialize((IEnumerable<string>)value);
        if (provider != DatabaseProvider.Sqlite) return value is DateTime dt ? AsUtc(dt) : value;
        return value switch
        {
            Guid g => g.ToString("D"),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime dt => AsUtc(dt).ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture),
            bool b => b ? 1L : 0L,
            decimal m when column.DecimalScaleOnDisk is { } scale =>
                decimal.ToInt64(decimal.Round(m * FieldColumnMapper.Pow10(scale), 0, MidpointRounding.AwayFromZero)),
            _ => value,
        };
    }

    public static object? Read(DbDataReader reader, int ordinal, ColumnModel column, DatabaseProvider provider)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var sqlite = provider == DatabaseProvider.Sqlite;
        return column.Kind switch
        {
            ValueKind.String => reader.GetString(ordinal),
            ValueKind.Integer => reader.GetInt64(ordinal),
            ValueKind.Decimal => column.DecimalScaleOnDisk is { } scale
                ? reader.GetInt64(ordinal) / FieldColumnMapper.Pow10(scale)
                : reader.GetDecimal(ordinal),
            ValueKind.Boolean => sqlite ? reader.GetInt64(ordinal) != 0 : reader.GetBoolean(ordinal),
            ValueKind.Date => sqlite ? SqliteText.ReadDate(reader.GetString(ordinal)) : reader.GetFieldValue<DateOnly>(ordinal),
            ValueKind.DateTime => sqlite ? SqliteText.ReadDateTime(reader.GetString(ordinal)) : AsUtc(reader.GetDateTime(ordinal)),
            ValueKind.Guid => sqlite ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal),
            ValueKind.StringList => ReadList(reader.GetString(ordinal)),
        };
    }

    // Most lists are empty: "[]" skips the JSON reader.
    private static string[] ReadList(string json) => json == "[]" ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
