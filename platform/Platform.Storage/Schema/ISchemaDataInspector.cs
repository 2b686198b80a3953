namespace Platform.Storage.Schema;

/// <summary>Reads what a plan's data checks need from the tenant's existing rows.</summary>
public interface ISchemaDataInspector
{
    Task<long> CountRowsAsync(string table, CancellationToken ct);

    Task<long> CountNullsAsync(string table, string column, CancellationToken ct);

    Task<long> CountValuesAsync(string table, string column, CancellationToken ct);

    /// <summary>Rows whose values of <paramref name="columns"/> (all non-null) are shared with another row.</summary>
    Task<long> CountDuplicatesAsync(string table, IReadOnlyList<string> columns, CancellationToken ct);

    /// <summary>Every non-null value of the column with its row's key, as the database returns it.</summary>
    IAsyncEnumerable<(string Key, object Value)> ReadValuesAsync(string table, string column, CancellationToken ct);
}
