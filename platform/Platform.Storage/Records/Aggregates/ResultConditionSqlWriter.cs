using System.Globalization;
using System.Text;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records.Aggregates;

/// <summary>
/// Writes a <see cref="ResultCondition"/> as the HAVING of an aggregate statement: each alias becomes the expression
/// that computes it (a grouped column, a date part or an aggregate) and each value a parameter in the form that
/// expression yields on this database (see <see cref="StoredValue"/>).
/// </summary>
internal sealed class ResultConditionSqlWriter(
    TableModel table, SqlDialect dialect, SqlParameterList parameters, IReadOnlyDictionary<string, string> expressions, AggregateQuery query)
{
    public void Write(ResultCondition condition, StringBuilder sql)
    {
        switch (condition)
        {
            case ResultAnd and:
                sql.Append('('); Write(and.Left, sql); sql.Append(" AND "); Write(and.Right, sql); sql.Append(')');
                break;
            case ResultOr or:
                sql.Append('('); Write(or.Left, sql); sql.Append(" OR "); Write(or.Right, sql); sql.Append(')');
                break;
            case ResultNot not:
                ComparisonSql.Not(sql, () => Write(not.Operand, sql));
                break;
            case ResultComparison comparison:
                WriteComparison(comparison, sql);
                break;
            default:
                throw new ArgumentException($"Unknown result condition {condition.GetType().Name}.", nameof(condition));
        }
    }

    private void WriteComparison(ResultComparison node, StringBuilder sql)
    {
        var expression = expressions.GetValueOrDefault(node.Alias)
                         ?? throw new ArgumentException($"'{node.Alias}' is not a value of the result.", nameof(node));
        sql.Append(node.Value is null
            ? ComparisonSql.WithNull(node.Operator, expression)
            : ComparisonSql.WithValue(node.Operator, expression, parameters.Add(StoredValue(node.Alias, node.Value))));
    }

    /// <summary>
    /// The value as the alias's expression yields it: a grouped column, min and max in the column's stored form; counts
    /// and date parts as whole numbers; sums and averages scaled like the column on disk (SQLite's scaled-integer decimals)
    /// and, on SQLite, as an integer or a double (it binds a decimal as text, which no number equals).
    /// </summary>
    private object? StoredValue(string alias, object value)
    {
        if (query.GroupBy.FirstOrDefault(k => k.Alias == alias) is { } key)
            return key.Part is null ? ColumnValueCodec.ToDb(table.Column(key.Field), value, dialect.Provider) : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        var term = query.Aggregates.First(a => a.Alias == alias);
        switch (term.Method)
        {
            case AggregateMethod.Count or AggregateMethod.CountDistinct:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case AggregateMethod.Min or AggregateMethod.Max:
                return ColumnValueCodec.ToDb(table.Column(term.Field!), value, dialect.Provider);
        }
        var column = table.Column(term.Field!);
        var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        if (column.DecimalScaleOnDisk is { } scale) number *= FieldColumnMapper.Pow10(scale);
        if (dialect.Provider != DatabaseProvider.Sqlite) return number;
        return decimal.Truncate(number) == number && number is >= long.MinValue and <= long.MaxValue ? (long)number : (double)number;
    }
}
