using System.Text;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records.Aggregates;

/// <summary>
/// Writes an <see cref="AggregateQuery"/> as one GROUP BY statement, so grouping and aggregation happen in the database.
/// Result columns come in <see cref="AggregateQuery.Aliases"/> order and are read by position: aliases never reach the
/// SQL. <see cref="AggregateQuery.Having"/> keeps groups by their values. Every value is a parameter; identifiers come from the physical model and are quoted by the dialect.
/// </summary>
public sealed class AggregateSqlWriter(TableModel table, SqlDialect dialect, PhysicalModel? model = null, string? schema = null)
{
    /// <summary>The statement reading one page of groups (<see cref="AggregateQuery.Top"/> + 1 rows, to tell whether more follow).</summary>
    public string Select(AggregateQuery query, SqlParameterList parameters)
    {
        if (query.GroupBy.Count == 0 && query.Having is not null) return WholeTableKept(query, parameters, "*");
        var sql = new StringBuilder("SELECT ", 256);
        sql.AppendJoin(", ", query.GroupBy.Select(Key).Concat(query.Aggregates.Select(Aggregate)));
        AppendFromWhereGroup(sql, query, parameters);
        if (query.GroupBy.Count == 0) return sql.ToString(); // one row, whatever the paging
        sql.Append(" ORDER BY ").AppendJoin(", ", Order(query));
        sql.Append(dialect.Page(query.Top + 1, query.Skip));
        return sql.ToString();
    }

    /// <summary>The statement counting the groups (one without GROUP BY is one group).</summary>
    public string Count(AggregateQuery query, SqlParameterList parameters)
    {
        if (query.GroupBy.Count == 0) return query.Having is null ? "SELECT 1" : WholeTableKept(query, parameters, "COUNT(*)");
        var inner = new StringBuilder("SELECT ").AppendJoin(", ", query.GroupBy.Select(Key));
        AppendFromWhereGroup(inner, query, parameters);
        return $"SELECT COUNT(*) FROM ({inner}) grouped";
    }

    /// <summary>
    /// The one group of the whole table, kept or not by <see cref="AggregateQuery.Having"/>: SQLite refuses HAVING without
    /// GROUP BY, so the aggregates are named in a subquery and the condition is a WHERE over those names.
    /// </summary>
    private string WholeTableKept(AggregateQuery query, SqlParameterList parameters, string outer)
    {
        var names = query.Aggregates.Select((term, i) => (term.Alias, Name: dialect.Quote("v" + i))).ToList();
        var sql = new StringBuilder("SELECT ").Append(outer).Append(" FROM (SELECT ");
        sql.AppendJoin(", ", query.Aggregates.Select((term, i) => $"{Aggregate(term)} AS {names[i].Name}"));
        AppendFromWhereGroup(sql, query with { Having = null }, parameters);
        sql.Append(") whole WHERE ");
        new ResultConditionSqlWriter(table, dialect, parameters, names.ToDictionary(n => n.Alias, n => n.Name, StringComparer.Ordinal), query)
            .Write(query.Having!, sql);
        return sql.ToString();
    }

    private void AppendFromWhereGroup(StringBuilder sql, AggregateQuery query, SqlParameterList parameters)
    {
        sql.Append(" FROM ").Append(dialect.Table(table.Name, schema));
        if (query.Filter is not null)
        {
            sql.Append(" WHERE ");
            new FilterSqlWriter(table, dialect, parameters, model, schema).Write(query.Filter, sql);
        }
        if (query.GroupBy.Count == 0) return;
        sql.Append(" GROUP BY ").AppendJoin(", ", query.GroupBy.Select(Key));
        if (query.Having is null) return;
        sql.Append(" HAVING ");
        var expressions = query.GroupBy.ToDictionary(k => k.Alias, Key, StringComparer.Ordinal);
        foreach (var term in query.Aggregates) expressions[term.Alias] = Aggregate(term);
        new ResultConditionSqlWriter(table, dialect, parameters, expressions, query).Write(query.Having, sql);
    }

    private IEnumerable<string> Order(AggregateQuery query)
    {
        var keys = query.GroupBy.ToDictionary(k => k.Alias, Key, StringComparer.Ordinal);
        var aggregates = query.Aggregates.ToDictionary(a => a.Alias, Aggregate, StringComparer.Ordinal);
        var terms = query.OrderBy.ToList();
        terms.AddRange(query.GroupBy.Where(k => terms.All(t => t.Alias != k.Alias)).Select(k => new AggregateOrder(k.Alias)));
        foreach (var term in terms)
        {
            var expression = keys.GetValueOrDefault(term.Alias) ?? aggregates.GetValueOrDefault(term.Alias)
                             ?? throw new ArgumentException($"'{term.Alias}' is not a value of the result.", nameof(query));
            // Nulls first ascending and last descending everywhere; PostgreSQL sorts them the other way unless told.
            var nulls = dialect.NullsSortFirst ? "" : term.Descending ? " NULLS LAST" : " NULLS FIRST";
            yield return expression + (term.Descending ? " DESC" : "") + nulls;
        }
    }

    private string Key(GroupKey key)
    {
        var column = table.Column(key.Field);
        var name = dialect.Quote(column.Name);
        return key.Part is { } part ? dialect.DatePart(name, part, column.Kind == ValueKind.DateTime) : name;
    }

    private string Aggregate(AggregateTerm term)
    {
        if (term.Field is null) return "COUNT(*)";
        var name = dialect.Quote(table.Column(term.Field).Name);
        return term.Method switch
        {
            AggregateMethod.Sum => $"SUM({name})",
            AggregateMethod.Average => dialect.Average(name),
            AggregateMethod.Min => $"MIN({name})",
            AggregateMethod.Max => $"MAX({name})",
            AggregateMethod.CountDistinct => $"COUNT(DISTINCT {name})",
            _ => "COUNT(*)",
        };
    }
}
