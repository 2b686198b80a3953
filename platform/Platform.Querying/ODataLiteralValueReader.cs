using System.Globalization;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Querying;

/// <summary>
/// Converts a literal the OData parser produced to the platform CLR type of the column it is compared with
/// (long, decimal, bool, DateOnly, UTC DateTime, Guid, string), as the record store expects.
/// </summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
internal static class ODataLiteralValueReader
{
    // ODL 8 still hands date literals over as the obsolete Microsoft.OData.Edm.Date; it must be read until ODL 9.
#pragma warning disable CS0618
    private static readonly ValueKindTable<Func<object, object?>> Readers = new(
        String: value => value as string,
        Integer: ToLong,
        Decimal: ToDecimal,
        Boolean: value => value as bool?,
        Date: value => value switch
        {
            DateOnly d => d,
            Microsoft.OData.Edm.Date d => new DateOnly(d.Year, d.Month, d.Day),
            _ => null,
        },
        DateTime: value => value switch
        {
            DateTimeOffset d => d.UtcDateTime,
            DateTime d => d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : System.DateTime.SpecifyKind(d, DateTimeKind.Utc),
            Microsoft.OData.Edm.Date d => new DateTime(d.Year, d.Month, d.Day, 0, 0, 0, DateTimeKind.Utc),
            _ => null,
        },
        Guid: value => value as Guid?,
        // any(t: t eq 'x') compares one option of the list.
        StringList: value => value as string);
#pragma warning restore CS0618

    public static object? ToPlatform(object? value, ColumnModel column)
    {
        if (value is null) return null;
        return Readers[column.Kind](value) ?? throw new QueryException(
            $"The value {Describe(value)} cannot be compared with field '{column.Name}' of type {column.Field?.Type.ToString().ToLowerInvariant() ?? column.Kind.ToString().ToLowerInvariant()}.");
    }

    public static object? ToLong(object value)
    {
        switch (value)
        {
            case long l: return l;
            case int or short or byte or sbyte: return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case decimal m when decimal.Truncate(m) == m && m is >= long.MinValue and <= long.MaxValue: return (long)m;
            case double d when Math.Truncate(d) == d && d is >= long.MinValue and <= long.MaxValue: return (long)d;
            case float f when MathF.Truncate(f) == f && f is >= long.MinValue and <= long.MaxValue: return (long)f;
            default: return null;
        }
    }

    public static object? ToDecimal(object value)
    {
        try
        {
            return value switch
            {
                decimal m => m,
                long or int or short or byte or sbyte => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                double d when double.IsFinite(d) => (decimal)d,
                float f when float.IsFinite(f) => (decimal)f,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static string Describe(object value) => value switch
    {
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };
}
