using System.Globalization;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// The platform's rules for converting a stored value when a field changes type or narrows. They are deliberately
/// stricter than any database's casts (invariant culture, no white space, no exponent, no silent rounding), so a
/// value accepted here converts the same way on SQLite, PostgreSQL and SQL Server.
/// </summary>
/// <remarks>Per storage kind in <see cref="TypeChangeRules"/>. Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class TypeChangeValueConverter
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    internal const string DateFormat = "yyyy-MM-dd";

    /// <summary>True when values of <paramref name="from"/> may be converted to <paramref name="to"/> at all.</summary>
    public static bool IsSupported(ValueKind from, ValueKind to, DatabaseProvider provider) =>
        from == to || TypeChangeRules.Table[from].ConvertsTo(to, provider);

    /// <summary>True when some existing value might not fit the target column, so every value must be checked.</summary>
    public static bool NeedsCheck(ColumnModel current, ColumnModel target) =>
        current.Kind != target.Kind || TypeChangeRules.Table[current.Kind].Narrows(current, target);

    /// <summary>The platform value of a raw value read from a column (undoing SQLite's scaled decimals and text dates).</summary>
    public static object FromStore(object raw, ColumnModel column) => TypeChangeRules.Table[column.Kind].FromStore(raw, column);

    /// <summary>Converts a platform value to the kind and facets of <paramref name="target"/>; false when it does not convert or fit.</summary>
    public static bool TryConvert(object value, ColumnModel target, out object? converted)
    {
        converted = TypeChangeRules.Table[target.Kind].Convert(value, target);
        return converted is not null;
    }

    /// <summary>True when <paramref name="value"/> is stored exactly by a decimal(precision, scale) column.</summary>
    public static bool Fits(decimal value, int precision, int scale) =>
        decimal.Round(value, scale) == value && Math.Abs(decimal.Truncate(value)) < FieldColumnMapper.Pow10(precision - scale);

    /// <summary>Characters as databases count them (code points, not UTF-16 units).</summary>
    public static bool FitsLength(string text, int? maxLength) => maxLength is not { } max || text.EnumerateRunes().Count() <= max;

    public static string? ToText(object value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
        _ => null,
    };

    internal static long? ToInteger(object value) => value switch
    {
        long l => l,
        decimal d when decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue => (long)d,
        string s when long.TryParse(s, IntegerStyle, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    internal static decimal? ToDecimal(object value) => value switch
    {
        decimal d => d,
        long l => l,
        string s when decimal.TryParse(s, DecimalStyle, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    internal static DateOnly? ToDate(object value) => value switch
    {
        DateOnly date => date,
        string s when DateOnly.TryParseExact(s, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => null,
    };

    /// <summary>Precision and scale of a decimal column from its field (SQLite keeps only the scale on the column).</summary>
    public static (int Precision, int Scale) DecimalFacets(ColumnModel column) =>
        column.Field is { } field ? FieldColumnMapper.DecimalFacets(field) : (column.Precision ?? 18, column.Scale ?? 0);

    /// <summary>A short description of the column's type for messages, e.g. "decimal(18,2)" or "text(100)".</summary>
    public static string Describe(ColumnModel column) => TypeChangeRules.Table[column.Kind].Describe(column);
}
