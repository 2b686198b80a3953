using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Platform.Metadata.Definitions;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// Reads a tenant's rows over an open connection (inside the applier's transaction when given one, so the counts
/// hold for the batch that follows). Only identifiers from validated definitions appear in the SQL, quoted by the dialect.
/// </summary>
public sealed class DatabaseDataInspector(TenantDatabase database, DbConnection connection, DbTransaction? transaction) : ISchemaDataInspector
{
    private readonly SqlDialect _d = database.Dialect;

    public Task<long> CountRowsAsync(string table, CancellationToken ct) =>
        CountAsync($"SELECT COUNT(*) FROM {Table(table)}", ct);

    public Task<long> CountNullsAsync(string table, string column, CancellationToken ct) =>
        CountAsync($"SELECT COUNT(*) FROM {Table(table)} WHERE {_d.Quote(column)} IS NULL", ct);

    public Task<long> CountValuesAsync(string table, string column, CancellationToken ct) =>
        CountAsync($"SELECT COUNT(*) FROM {Table(table)} WHERE {_d.Quote(column)} IS NOT NULL", ct);

    public Task<long> CountDuplicatesAsync(string table, IReadOnlyList<string> columns, CancellationToken ct)
    {
        var list = string.Join(", ", columns.Select(_d.Quote));
        var present = string.Join(" AND ", columns.Select(c => $"{_d.Quote(c)} IS NOT NULL"));
        return CountAsync(
            $"SELECT COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM {Table(table)} WHERE {present} GROUP BY {list} HAVING COUNT(*) > 1) duplicates", ct);
    }

    public async IAsyncEnumerable<(string Key, object Value)> ReadValuesAsync(string table, string column, [EnumeratorCancellation] CancellationToken ct)
    {
        var sql = $"SELECT {_d.Quote(SystemFields.Id)}, {_d.Quote(column)} FROM {Table(table)} WHERE {_d.Quote(column)} IS NOT NULL";
        await using var command = connection.CreateCommand(sql, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return (Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, reader.GetValue(1));
    }

    private string Table(string table) => _d.Table(table, database.Schema);

    private async Task<long> CountAsync(string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(sql, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
