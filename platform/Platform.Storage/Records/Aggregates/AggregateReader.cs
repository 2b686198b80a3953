using System.Data.Common;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records.Aggregates;

/// <summary>Runs an <see cref="AggregateQuery"/> on a tenant database and reads its groups as platform values.</summary>
public static class AggregateReader
{
    public static async Task<AggregatePage> QueryAsync(RecordStore store, RecordSession session, AggregateQuery query, CancellationToken ct)
    {
        var dialect = store.Database.Dialect;
        var table = store.Table(query.Entity);
        var writer = new AggregateSqlWriter(table, dialect, store.Model, store.Database.Schema);
        var parameters = new SqlParameterList();
        var rows = new List<Dictionary<string, object?>>();
        await using (var command = session.Command(writer.Select(query, parameters)))
        {
            parameters.AddTo(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(ReadRow(reader, query, table, dialect.Provider));
        }
        var hasMore = query.GroupBy.Count > 0 && rows.Count > query.Top;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        if (query.GroupBy.Count == 0 && (query.Skip > 0 || query.Top == 0)) rows.Clear();

        long? count = null;
        if (query.Count)
        {
            var countParameters = new SqlParameterList();
            await using var command = session.Command(writer.Count(query, countParameters));
            countParameters.AddTo(command);
            count = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        }
        return new AggregatePage(rows, hasMore, count);
    }

    private static Dictionary<string, object?> ReadRow(DbDataReader reader, AggregateQuery query, TableModel table, DatabaseProvider provider)
    {
        var row = new Dictionary<string, object?>(query.GroupBy.Count + query.Aggregates.Count, StringComparer.Ordinal);
        var i = 0;
        foreach (var key in query.GroupBy)
        {
            var column = table.Column(key.Field);
            row[key.Alias] = key.Part is null ? ColumnValueCodec.Read(reader, i, column, provider) : Whole(reader, i);
            i++;
        }
        foreach (var term in query.Aggregates)
        {
            row[term.Alias] = term.Method switch
            {
                AggregateMethod.Count or AggregateMethod.CountDistinct => Whole(reader, i),
                AggregateMethod.Min or AggregateMethod.Max => ColumnValueCodec.Read(reader, i, table.Column(term.Field!), provider),
                _ => Number(reader, i, table.Column(term.Field!), term.Method),
            };
            i++;
        }
        return row;
    }

    private static long? Whole(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A sum or average: a sum of whole numbers stays whole, anything else is a decimal. SQLite's scaled-integer
    /// decimals are scaled back; its averages arrive as doubles.
    /// </summary>
    private static object? Number(DbDataReader reader, int ordinal, ColumnModel column, AggregateMethod method)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var value = reader.GetValue(ordinal);
        if (method == AggregateMethod.Sum && column.Kind == ValueKind.Integer)
            return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        var number = value is double d ? (decimal)d : Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
        return column.DecimalScaleOnDisk is { } scale ? number / FieldColumnMapper.Pow10(scale) : number;
    }
}
