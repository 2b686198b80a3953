using System.Text;
using Platform.Metadata.Definitions;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>
/// Writes "rows after this position" for a sort order, so deep pages cost the same as the first one.
/// Null placement follows the database's own ordering (first ascending on SQLite and SQL Server, last on PostgreSQL)
/// so the ORDER BY stays plain and indexes keep serving it.
/// </summary>
public sealed class KeysetSqlWriter(TableModel table, SqlDialect dialect, SqlParameterList parameters)
{
    /// <summary>
    /// The order a query really runs in, which a keyset position must match: the terms up to the id (unique, so
    /// later terms never decide anything), or all terms with the id appended ascending as the final tie-breaker.
    /// </summary>
    public static IReadOnlyList<OrderTerm> FullOrder(IReadOnlyList<OrderTerm> terms)
    {
        for (var i = 0; i < terms.Count; i++)
            if (terms[i].Field == SystemFields.Id) return terms.Take(i + 1).ToList();
        return [.. terms, new OrderTerm(SystemFields.Id)];
    }

    public void Write(IReadOnlyList<OrderTerm> terms, IReadOnlyList<object?> after, StringBuilder sql)
    {
        if (after.Count != terms.Count) throw new ArgumentException("The continuation does not match the sort order.");
        sql.Append('(');
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0) sql.Append(" OR ");
            sql.Append('(');
            for (var j = 0; j < i; j++) sql.Append(Equal(terms[j], after[j])).Append(" AND ");
            sql.Append(After(terms[i], after[i]));
            sql.Append(')');
        }
        sql.Append(')');
    }

    private string Equal(OrderTerm term, object? value) =>
        value is null ? $"{Column(term)} IS NULL" : $"{Column(term)} = {Parameter(term, value)}";

    private string After(OrderTerm term, object? value)
    {
        var column = Column(term);
        // Do nulls come after every value in this direction?
        var nullsLast = dialect.NullsSortFirst == term.Descending;
        if (value is null) return nullsLast ? "(1=0)" : $"{column} IS NOT NULL";
        var comparison = $"{column} {(term.Descending ? "<" : ">")} {Parameter(term, value)}";
        return nullsLast ? $"({comparison} OR {column} IS NULL)" : comparison;
    }

    private string Column(OrderTerm term) => dialect.Quote(table.Column(term.Field).Name);

    private string Parameter(OrderTerm term, object value) =>
        parameters.Add(ColumnValueCodec.ToDb(table.Column(term.Field), value, dialect.Provider));
}
