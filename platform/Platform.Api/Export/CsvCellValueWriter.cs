using System.Globalization;
using Platform.Metadata.FieldTypes;

namespace Platform.Api.Export;

/// <summary>
/// One value as CSV text. Text a person typed is defused against formula injection (OWASP): a cell starting with
/// = + - @ tab or carriage return would run as a formula in Excel or Sheets, so it gets a leading apostrophe.
/// Numbers and dates are written by the platform itself and stay as they are, so -5 remains a number.
/// </summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class CsvCellValueWriter
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly ValueKindTable<Func<object, string>> Cells = new(
        String: value => Defuse((string)value),
        Integer: value => ((long)value).ToString(CultureInfo.InvariantCulture),
        // Providers differ in trailing zeros (PostgreSQL 5.00, SQLite 5); an export reads the same from both.
        Decimal: value => ((decimal)value).ToString("0.############################", CultureInfo.InvariantCulture),
        Boolean: value => (bool)value ? "true" : "false",
        Date: value => ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime: value => System.DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        Guid: value => ((Guid)value).ToString(),
        StringList: value => Defuse(string.Join(";", (string[])value)));

    public static string Format(object? value) =>
        value is null ? ""
        : ValueKind.Of(value) is { } kind ? Cells[kind](value)
        // Not a platform value: its invariant text, defused like typed text.
        : Defuse(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");

    public static string Defuse(string text)
    {
        var start = text.TrimStart(' ');
        return start.Length > 0 && Array.IndexOf(FormulaStarts, start[0]) >= 0 ? "'" + text : text;
    }
}
