using System.Globalization;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>What a field change means for the stored values of one storage kind (see <see cref="TypeChangeValueConverter"/>).</summary>
/// <param name="ConvertsTo">Values of this kind may be converted to the other kind at all.</param>
/// <param name="Narrows">Between two columns of this kind: some value of the first might not fit the second.</param>
/// <param name="FromStore">A raw value read from a column of this kind to the platform value.</param>
/// <param name="Convert">A platform value (of any kind) to this kind, fitting the target column; null when it does not.</param>
/// <param name="Describe">The column's type for messages, e.g. "decimal(18,2)".</param>
/// <param name="SqliteRewrite">
/// SQLite only: the expression that rewrites a quoted column converted from the current column to this kind, or null
/// when the stored form stays (SQLite's scaled decimals are invisible to EF's model).
/// </param>
internal sealed record TypeChangeRules(
    Func<ValueKind, DatabaseProvider, bool> ConvertsTo,
    Func<ColumnModel, ColumnModel, bool> Narrows,
    Func<object, ColumnModel, object> FromStore,
    Func<object, ColumnModel, object?> Convert,
    Func<ColumnModel, string> Describe,
    Func<ColumnModel, ColumnModel, string, string?> SqliteRewrite)
{
    public static readonly ValueKindTable<TypeChangeRules> Table = new(
        String: new(
            (to, _) => to == ValueKind.Integer || to == ValueKind.Decimal || to == ValueKind.Date,
            (current, target) => target.MaxLength is { } length && (current.MaxLength is null || length < current.MaxLength),
            (raw, _) => raw as string ?? System.Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "",
            (value, target) => TypeChangeValueConverter.ToText(value) is { } text && TypeChangeValueConverter.FitsLength(text, target.MaxLength) ? text : null,
            column => column.MaxLength is { } length ? $"text({length})" : "text",
            NoRewrite),
        Integer: new(
            (to, _) => to == ValueKind.Decimal || to == ValueKind.String,
            Never,
            (raw, _) => System.Convert.ToInt64(raw, CultureInfo.InvariantCulture),
            (value, _) => TypeChangeValueConverter.ToInteger(value),
            Named,
            (current, target, column) =>
                current.Kind == ValueKind.Decimal ? SqliteTypeChangeValueConverter.Rescale(column, current.DecimalScaleOnDisk ?? 0, 0)
                // Normalises '+7' or '007' so the rebuild's INTEGER affinity surely stores an integer.
                : current.Kind == ValueKind.String ? $"CAST({column} AS INTEGER)"
                : null),
        Decimal: new(
            // SQLite stores decimals as scaled integers; rewriting them as text is not worth a special path.
            (to, provider) => to == ValueKind.Integer || (to == ValueKind.String && provider != DatabaseProvider.Sqlite),
            (current, target) => TypeChangeValueConverter.DecimalFacets(target) is var (p, s) && TypeChangeValueConverter.DecimalFacets(current) is var (cp, cs) && (p - s < cp - cs || s < cs),
            (raw, column) => column.DecimalScaleOnDisk is { } scale
                ? System.Convert.ToInt64(raw, CultureInfo.InvariantCulture) / FieldColumnMapper.Pow10(scale)
                : System.Convert.ToDecimal(raw, CultureInfo.InvariantCulture),
            (value, target) => TypeChangeValueConverter.ToDecimal(value) is { } number && TypeChangeValueConverter.DecimalFacets(target) is var (p, s) && TypeChangeValueConverter.Fits(number, p, s) ? number : null,
            column => TypeChangeValueConverter.DecimalFacets(column) is var (p, s) ? $"decimal({p},{s})" : "decimal",
            (current, target, column) =>
                current.Kind == ValueKind.Decimal ? SqliteTypeChangeValueConverter.Rescale(column, current.DecimalScaleOnDisk ?? 0, target.DecimalScaleOnDisk ?? 0)
                : current.Kind == ValueKind.Integer ? SqliteTypeChangeValueConverter.Rescale(column, 0, target.DecimalScaleOnDisk ?? 0)
                : current.Kind == ValueKind.String ? SqliteTypeChangeValueConverter.TextToScaledInteger(column, target.DecimalScaleOnDisk ?? 0)
                : null),
        Boolean: new(NoConversion, Never, Raw, SameType, Named, NoRewrite),
        Date: new(
            (to, _) => to == ValueKind.String,
            Never,
            (raw, _) => raw switch
            {
                DateOnly date => date,
                DateTime dateTime => DateOnly.FromDateTime(dateTime),
                _ => DateOnly.ParseExact(System.Convert.ToString(raw, CultureInfo.InvariantCulture)!, TypeChangeValueConverter.DateFormat, CultureInfo.InvariantCulture),
            },
            (value, _) => TypeChangeValueConverter.ToDate(value),
            Named,
            NoRewrite),
        DateTime: new(NoConversion, Never, Raw, SameType, Named, NoRewrite),
        Guid: new(NoConversion, Never, Raw, SameType, column => column.Field is { } field ? field.Type.Name : Named(column), NoRewrite),
        StringList: new(NoConversion, Never, Raw, SameType, Named, NoRewrite));

    private static bool NoConversion(ValueKind to, DatabaseProvider provider) => false;

    private static bool Never(ColumnModel current, ColumnModel target) => false;

    private static object Raw(object raw, ColumnModel column) => raw;

    // Kinds without conversions accept only a value already of the column's type.
    private static object? SameType(object value, ColumnModel target) => value.GetType() == FieldColumnMapper.StoreTypeOf(target.Kind) ? value : null;

    private static string Named(ColumnModel column) => column.Kind.Name.ToLowerInvariant();

    private static string? NoRewrite(ColumnModel current, ColumnModel target, string column) => null;
}
