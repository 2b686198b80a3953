using System.Text;
using System.Text.Json;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>Writes a <see cref="FilterNode"/> as a SQL condition over one table; every value becomes a parameter.</summary>
/// <param name="model">Resolves the tables of <see cref="InSubqueryNode"/>s; without it they are not supported.</param>
/// <param name="schema">The tenant's schema (PostgreSQL), for subquery table names.</param>
public sealed class FilterSqlWriter(TableModel table, SqlDialect dialect, SqlParameterList parameters, PhysicalModel? model = null, string? schema = null)
{
    private const string LikeEscape = " ESCAPE '\\'";

    public void Write(FilterNode node, StringBuilder sql)
    {
        switch (node)
        {
            case AndNode and:
                sql.Append('('); Write(and.Left, sql); sql.Append(" AND "); Write(and.Right, sql); sql.Append(')');
                break;
            case OrNode or:
                sql.Append('('); Write(or.Left, sql); sql.Append(" OR "); Write(or.Right, sql); sql.Append(')');
                break;
            case NotNode not:
                ComparisonSql.Not(sql, () => Write(not.Operand, sql));
                break;
            case ConstantNode constant:
                sql.Append(constant.Value ? "(1=1)" : "(1=0)");
                break;
            case ComparisonNode comparison:
                WriteComparison(comparison, sql);
                break;
            case InNode inNode:
                WriteIn(inNode, sql);
                break;
            case StringMatchNode match:
                var pattern = match.Match switch
                {
                    StringMatch.StartsWith => EscapeLike(match.Value) + "%",
                    StringMatch.EndsWith => "%" + EscapeLike(match.Value),
                    _ => "%" + EscapeLike(match.Value) + "%",
                };
                sql.Append(dialect.CaseInsensitiveMatch(Column(match.Field), parameters.Add(pattern))).Append(LikeEscape);
                break;
            case ListContainsAnyNode list:
                WriteListContains(list, sql);
                break;
            case InSubqueryNode subquery when model is not null:
                var inner = model.Table(subquery.Table);
                sql.Append(Column(subquery.Field)).Append(" IN (SELECT ").Append(dialect.Quote(inner.Column(subquery.Column).Name))
                    .Append(" FROM ").Append(dialect.Table(inner.Name, schema)).Append(" WHERE ");
                new FilterSqlWriter(inner, dialect, parameters, model, schema).Write(subquery.Where, sql);
                sql.Append(')');
                break;
            default:
                throw new NotSupportedException($"Filter node {node.GetType().Name} is not supported.");
        }
    }

    private void WriteComparison(ComparisonNode node, StringBuilder sql)
    {
        var column = table.Column(node.Field);
        var name = Column(node.Field);
        if (node.Value is null)
        {
            sql.Append(ComparisonSql.WithNull(node.Operator, name));
            return;
        }
        if (Neighbours(column, node.Value) is { } steps)
        {
            // Nothing stored equals the value; x > v is x > (step below v) and x < v is x < (step above v).
            sql.Append(node.Operator switch
            {
                ComparisonOperator.Eq => "(1=0)",
                ComparisonOperator.Ne => "(1=1)",
                ComparisonOperator.Gt or ComparisonOperator.Ge => steps.Below is { } below
                    ? $"{name} > {parameters.Add(ColumnValueCodec.ToDb(column, below, dialect.Provider))}"
                    : $"{name} IS NOT NULL",
                _ => steps.Above is { } above
                    ? $"{name} < {parameters.Add(ColumnValueCodec.ToDb(column, above, dialect.Provider))}"
                    : $"{name} IS NOT NULL",
            });
            return;
        }
        sql.Append(ComparisonSql.WithValue(node.Operator, name, parameters.Add(ColumnValueCodec.ToDb(column, node.Value, dialect.Provider))));
    }

    private void WriteIn(InNode node, StringBuilder sql)
    {
        var column = table.Column(node.Field);
        var hasNull = node.Values.Any(v => v is null);
        // A value the column cannot hold equals nothing stored.
        var values = node.Values.Where(v => v is not null && Neighbours(column, v) is null).ToList();
        if (values.Count == 0) { sql.Append(hasNull ? $"{Column(node.Field)} IS NULL" : "(1=0)"); return; }
        var stored = values.Select(v => ColumnValueCodec.ToDb(column, v, dialect.Provider)).ToList();
        sql.Append('(').Append(node.Broad ? dialect.NotAnAccessPath(Column(node.Field)) : Column(node.Field));
        if (ArrayParameter(stored) is { } array)
            sql.Append(" = ANY(").Append(parameters.Add(array)).Append(')');
        else
            sql.Append(" IN (").AppendJoin(", ", stored.Select(parameters.Add)).Append(')');
        if (hasNull) sql.Append(" OR ").Append(Column(node.Field)).Append(" IS NULL");
        sql.Append(')');
    }

    /// <summary>
    /// Where the dialect has them (PostgreSQL), a long IN list is one typed array parameter (<c>= ANY($1)</c>): a thousand placeholders cost far
    /// more to send, parse and plan (a bulk create checks its lookups and unique values this way). Null when the
    /// values are not all of one type an array parameter maps exactly.
    /// </summary>
    private Array? ArrayParameter(List<object?> values)
    {
        if (!dialect.ArrayParameters || values.Count < 2) return null;
        var type = values[0]!.GetType();
        if (values.Any(v => v!.GetType() != type)) return null;
        return values[0] switch
        {
            Guid => values.Cast<Guid>().ToArray(),
            string => values.Cast<string>().ToArray(),
            long => values.Cast<long>().ToArray(),
            int => values.Cast<int>().ToArray(),
            decimal => values.Cast<decimal>().ToArray(),
            _ => null,
        };
    }

    private void WriteListContains(ListContainsAnyNode node, StringBuilder sql)
    {
        if (node.Values.Count == 0) { sql.Append("(1=0)"); return; }
        sql.Append('(');
        var first = true;
        foreach (var value in node.Values)
        {
            if (!first) sql.Append(" OR ");
            first = false;
            // Stored as a JSON array of strings: match the quoted element exactly. SQLite's LIKE ignores case, so it
            // looks for the plain substring instead (option values are case-sensitive, as on the other databases).
            var element = JsonSerializer.Serialize(value);
            if (dialect.LikeIgnoresCase)
                sql.Append("instr(").Append(Column(node.Field)).Append(", ").Append(parameters.Add(element)).Append(") > 0");
            else
                sql.Append(Column(node.Field)).Append(" LIKE ").Append(parameters.Add("%" + EscapeLike(element) + "%")).Append(LikeEscape);
        }
        sql.Append(')');
    }

    /// <summary>
    /// For a value the column cannot hold exactly, the storable values just below and above it (null when every stored
    /// value lies on one side); null when the value is storable. Such a value would otherwise be rounded on its way in
    /// and compare wrongly: SQLite keeps decimals as integers scaled by 10^scale (and overflows past the long range),
    /// PostgreSQL keeps times to the microsecond while .NET has 100 ns ticks.
    /// </summary>
    private (object? Below, object? Above)? Neighbours(ColumnModel column, object? value)
    {
        switch (value)
        {
            case decimal d when column.DecimalScaleOnDisk is { } scale:
                var factor = FieldColumnMapper.Pow10(scale);
                decimal scaled;
                try { scaled = d * factor; }
                catch (OverflowException) { scaled = d > 0 ? decimal.MaxValue : decimal.MinValue; }
                if (decimal.Truncate(scaled) == scaled && scaled is >= long.MinValue and <= long.MaxValue) return null;
                var floor = decimal.Floor(scaled);
                var ceiling = decimal.Ceiling(scaled);
                return (floor < long.MinValue ? null : Math.Min(floor, long.MaxValue) / factor,
                        ceiling > long.MaxValue ? null : Math.Max(ceiling, long.MinValue) / factor);
            case DateTime t when t.Ticks % dialect.TimeResolutionTicks != 0:
                var down = t.AddTicks(-(t.Ticks % dialect.TimeResolutionTicks));
                return (down, down.AddTicks(dialect.TimeResolutionTicks));
            default:
                return null;
        }
    }

    private string Column(string field) => dialect.Quote(table.Column(field).Name);

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
