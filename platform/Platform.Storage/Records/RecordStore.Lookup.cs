using System.Text;

namespace Platform.Storage.Records;

public sealed partial class RecordStore
{
    /// <summary>
    /// An unordered set lookup (<see cref="RecordQuery.Unordered"/>): the filter's rows, selected columns only, no ORDER
    /// BY and no LIMIT, so the database probes the filtered column's index whatever the table's size.
    /// </summary>
    private async Task<RecordPage> LookupAsync(RecordSession session, RecordQuery query, CancellationToken ct)
    {
        if (query.OrderBy.Count > 0 || query.After is not null || query.Skip != 0 || query.Count != CountMode.None)
            throw new ArgumentException("An unordered lookup takes no order, position, offset or count.", nameof(query));
        var table = Table(query.Entity);
        var columns = SelectedColumns(table, query.Select, []);
        var parameters = new SqlParameterList();
        var sql = new StringBuilder(query.Select is null ? SelectAll(table) : SelectSome(table, columns), 256);
        if (query.Filter is not null)
        {
            sql.Append(" WHERE ");
            new FilterSqlWriter(table, _dialect, parameters, Model, Database.Schema).Write(query.Filter, sql);
        }
        var rows = new List<Dictionary<string, object?>>(Math.Min(query.Top, 1024));
        await using var command = session.Command(sql.ToString());
        parameters.AddTo(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(ReadRow(reader, columns, query.Entity));
        return new RecordPage(rows, false, null, false);
    }
}
