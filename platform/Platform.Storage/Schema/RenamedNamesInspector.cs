namespace Platform.Storage.Schema;

/// <summary>
/// Lets the data checks speak of tables and columns by their renamed names while the database still has the old ones
/// (the renames run in the same batch as the change being checked).
/// </summary>
public sealed class RenamedNamesInspector(ISchemaDataInspector inner, DefinitionRenames renames, IReadOnlyDictionary<string, string> tableRenames) : ISchemaDataInspector
{
    private readonly Dictionary<string, string> _oldTables = tableRenames.ToDictionary(t => t.Value, t => t.Key);

    public Task<long> CountRowsAsync(string table, CancellationToken ct) => inner.CountRowsAsync(Table(table), ct);

    public Task<long> CountNullsAsync(string table, string column, CancellationToken ct) => inner.CountNullsAsync(Table(table), Column(table, column), ct);

    public Task<long> CountValuesAsync(string table, string column, CancellationToken ct) => inner.CountValuesAsync(Table(table), Column(table, column), ct);

    public Task<long> CountDuplicatesAsync(string table, IReadOnlyList<string> columns, CancellationToken ct) =>
        inner.CountDuplicatesAsync(Table(table), columns.Select(c => Column(table, c)).ToList(), ct);

    public IAsyncEnumerable<(string Key, object Value)> ReadValuesAsync(string table, string column, CancellationToken ct) =>
        inner.ReadValuesAsync(Table(table), Column(table, column), ct);

    private string Table(string table) => _oldTables.GetValueOrDefault(table, table);

    private string Column(string table, string column) =>
        renames.Fields.FirstOrDefault(f => f.Entity == table && f.To == column)?.From ?? column;
}
