using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Storage.Physical;

namespace Platform.Storage.Schema;

/// <summary>
/// SQLite stores decimals as integers scaled by 10^scale (<see cref="ColumnModel.DecimalScaleOnDisk"/>), which EF's
/// model does not see: a scale change, or a change between integer, text and decimal, must rewrite the stored
/// numbers. These updates run before any rebuild EF adds at the end of the batch, so the rebuild copies converted
/// values. The values were checked to convert exactly; only quoted identifiers and integer constants appear here.
/// </summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class SqliteTypeChangeValueConverter
{
    public static IReadOnlyList<MigrationOperation> For(IEnumerable<ColumnChange> changes, ISqlGenerationHelper sql)
    {
        var operations = new List<MigrationOperation>();
        foreach (var change in changes)
        {
            if (change.Current is not { } current) continue;
            var target = change.Target;
            var column = sql.DelimitIdentifier(target.Name);
            var expression = TypeChangeRules.Table[target.Kind].SqliteRewrite(current, target, column);
            if (expression is null) continue;
            operations.Add(new SqlOperation
            {
                Sql = $"UPDATE {sql.DelimitIdentifier(change.Table.Name)} SET {column} = {expression} WHERE {column} IS NOT NULL{sql.StatementTerminator}",
            });
        }
        return operations;
    }

    internal static string? Rescale(string column, int fromScale, int toScale) =>
        fromScale == toScale ? null
        : toScale > fromScale ? $"{column} * {Pow10(toScale - fromScale)}"
        // Exact: the check refused any value with more decimals than the new scale keeps.
        : $"{column} / {Pow10(fromScale - toScale)}";

    /// <summary>
    /// Exact text to scaled integer without going through floating point: drop trailing fraction zeros, remove the
    /// point, then multiply by 10^(scale - fraction digits). '12.5' at scale 2 becomes 1250.
    /// </summary>
    internal static string TextToScaledInteger(string column, int scale)
    {
        var normal = $"(CASE WHEN INSTR({column}, '.') > 0 THEN RTRIM(RTRIM({column}, '0'), '.') ELSE {column} END)";
        var fractionDigits = $"(CASE WHEN INSTR({normal}, '.') > 0 THEN LENGTH({normal}) - INSTR({normal}, '.') ELSE 0 END)";
        var factor = $"CASE {fractionDigits} " + string.Join(" ", Enumerable.Range(0, scale + 1).Select(k => $"WHEN {k} THEN {Pow10(scale - k)}")) + " END";
        return $"CAST(REPLACE({normal}, '.', '') AS INTEGER) * ({factor})";
    }

    private static long Pow10(int exponent) => (long)FieldColumnMapper.Pow10(exponent);
}
