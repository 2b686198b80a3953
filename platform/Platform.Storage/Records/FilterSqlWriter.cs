using System.Text;
using System.Text.Json;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>Writes a <see cref="FilterNode"/> as a SQL condition over one table; every value becomes a parameter.</summary>
public sealed class FilterSqlWriter(TableModel table, SqlDialect dialect, SqlParameterList parameters)
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
                sql.Append("(NOT "); Write(not.Operand, sql); sql.Append(')');
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
                sql.Append(Column(match.Field)).Append(' ').Append(dialect.CaseInsensitiveLike).Append(' ').Append(parameters.Add(pattern)).Append(LikeEscape);
                break;
            case ListContainsAnyNode list:
                WriteListContains(list, sql);
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
            sql.Append(node.Operator switch
            {
                ComparisonOperator.Eq => $"{name} IS NULL",
                ComparisonOperator.Ne => $"{name} IS NOT NULL",
                _ => "(1=0)",
            });
            return;
        }
        var value = parameters.Add(ColumnValueCodec.ToDb(column, node.Value, dialect.Provider));
        sql.Append(node.Operator switch
        {
            ComparisonOperator.Eq => $"{name} = {value}",
            // OData semantics: a null value is "not equal" to any constant.
            ComparisonOperator.Ne => $"({name} <> {value} OR {name} IS NULL)",
            ComparisonOperator.Gt => $"{name} > {value}",
            ComparisonOperator.Ge => $"{name} >= {value}",
            ComparisonOperator.Lt => $"{name} < {value}",
            _ => $"{name} <= {value}",
        });
    }

    private void WriteIn(InNode node, StringBuilder sql)
    {
        var column = table.Column(node.Field);
        var values = node.Values.Where(v => v is not null).ToList();
        var hasNull = values.Count < node.Values.Count;
        if (values.Count == 0) { sql.Append(hasNull ? $"{Column(node.Field)} IS NULL" : "(1=0)"); return; }
        sql.Append('(').Append(Column(node.Field)).Append(" IN (");
        sql.AppendJoin(", ", values.Select(v => parameters.Add(ColumnValueCodec.ToDb(column, v, dialect.Provider))));
        sql.Append(')');
        if (hasNull) sql.Append(" OR ").Append(Column(node.Field)).Append(" IS NULL");
        sql.Append(')');
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
            // Stored as a JSON array of strings: match the quoted element exactly.
            var pattern = "%" + EscapeLike(JsonSerializer.Serialize(value)) + "%";
            sql.Append(Column(node.Field)).Append(" LIKE ").Append(parameters.Add(pattern)).Append(LikeEscape);
        }
        sql.Append(')');
    }

    private string Column(string field) => dialect.Quote(table.Column(field).Name);

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
