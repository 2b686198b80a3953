using System.Data.Common;
using Npgsql;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Benchmarks.Data;

/// <summary>
/// The provider's fastest raw path written by hand, all columns, one transaction: on PostgreSQL binary COPY (faster
/// than the text COPY the platform's bulk writes use, and than any INSERT); on SQLite one prepared single-row INSERT executed per row,
/// Microsoft.Data.Sqlite's documented bulk pattern (it binds parameters by name with a linear search, so a 500-row
/// statement binds about 15x slower). Used to load tables and as the baseline of the bulk case. Rows come typed
/// (as the platform holds them) and are converted to their stored form while binding, as any importer must.
/// </summary>
public sealed class RawInserter
{
    private readonly TenantDatabase _database;
    private readonly TableModel _table;
    private readonly IReadOnlyList<ColumnModel> _columns;
    private Dictionary<string, string>? _postgresTypes;
    private readonly string _insert;

    public RawInserter(TenantDatabase database, TableModel table)
    {
        _database = database;
        _table = table;
        _columns = table.Columns;
        var d = database.Dialect;
        _insert = $"INSERT INTO {d.Table(table.Name, database.Schema)} ({string.Join(", ", _columns.Select(c => d.Quote(c.Name)))}) " +
                  $"VALUES ({string.Join(", ", _columns.Select((_, i) => Name(i)))})";
    }

    public string Description => _database.Provider == DatabaseProvider.Sqlite
        ? "raw prepared single-row INSERT per row"
        : "raw binary COPY";

    private object ToDb(IReadOnlyDictionary<string, object?> row, int column) =>
        ColumnValueCodec.ToDb(_columns[column], row.GetValueOrDefault(_columns[column].Name), _database.Provider) ?? DBNull.Value;

    /// <summary>Opens a pooled connection, inserts the rows in one transaction and commits.</summary>
    public async Task InsertAsync(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct = default)
    {
        await using var connection = _database.Dialect.CreateConnection(_database.ConnectionString);
        await connection.OpenAsync(ct);
        if (_database.Provider == DatabaseProvider.Sqlite)
        {
            // The platform's durability setting: the tenant file is in WAL mode, each commit is fsynced.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=FULL";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (_database.Provider == DatabaseProvider.Sqlite) await InsertPreparedAsync(connection, transaction, rows, ct);
        else await CopyAsync((NpgsqlConnection)connection, rows, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task InsertPreparedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _insert;
        var parameters = new DbParameter[_columns.Count];
        for (var c = 0; c < parameters.Length; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = Name(c);
            command.Parameters.Add(parameters[c]);
        }
        foreach (var row in rows)
        {
            for (var c = 0; c < parameters.Length; c++) parameters[c].Value = ToDb(row, c);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        _postgresTypes ??= await PostgresCopyLoader.ColumnTypesAsync(connection, _database, _table);
        await PostgresCopyLoader.CopyAsync(connection, _database, _table, _postgresTypes, rows, ct);
    }

    private static string Name(int column) => "@p" + column;
}
