using System.Data.Common;
using System.Text;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Benchmarks.Data;

/// <summary>
/// The provider's fast path written by hand, all columns, one transaction: on PostgreSQL multi-row parameterised
/// INSERTs of 500 rows per statement (one round trip each); on SQLite one prepared single-row INSERT executed per row,
/// Microsoft.Data.Sqlite's documented bulk pattern (it binds parameters by name with a linear search, so a 500-row
/// statement binds about 15x slower). Used to load tables and as the baseline of the bulk case. Rows come typed
/// (as the platform holds them) and are converted to their stored form while binding, as any importer must.
/// </summary>
public sealed class RawInserter
{
    public const int RowsPerStatement = 500;

    private readonly TenantDatabase _database;
    private readonly IReadOnlyList<ColumnModel> _columns;
    private readonly string _fullStatement;
    private readonly string _prefix;
    private readonly string[] _names;

    public RawInserter(TenantDatabase database, TableModel table)
    {
        _database = database;
        _columns = table.Columns;
        var d = database.Dialect;
        _names = Enumerable.Range(0, RowsPerStatement * _columns.Count).Select(i => "@p" + i).ToArray();
        _prefix = $"INSERT INTO {d.Table(table.Name, database.Schema)} ({string.Join(", ", _columns.Select(c => d.Quote(c.Name)))}) VALUES ";
        _fullStatement = Statement(RowsPerStatement);
    }

    public string Description => _database.Provider == DatabaseProvider.Sqlite
        ? "raw prepared single-row INSERT per row"
        : $"raw multi-row INSERT ({RowsPerStatement} rows per statement)";

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
        else await InsertMultiRowAsync(connection, transaction, rows, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task InsertPreparedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Statement(1);
        var parameters = new DbParameter[_columns.Count];
        for (var c = 0; c < parameters.Length; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = Name(0, c);
            command.Parameters.Add(parameters[c]);
        }
        foreach (var row in rows)
        {
            for (var c = 0; c < parameters.Length; c++) parameters[c].Value = ToDb(row, c);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task InsertMultiRowAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = count == RowsPerStatement ? _fullStatement : Statement(count);
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                for (var c = 0; c < _columns.Count; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = Name(r, c);
                    parameter.Value = ToDb(row, c);
                    command.Parameters.Add(parameter);
                }
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private string Statement(int rows)
    {
        var sql = new StringBuilder(_prefix);
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sql.Append(", ");
            sql.Append('(');
            for (var c = 0; c < _columns.Count; c++) sql.Append(c > 0 ? ", " : "").Append(Name(r, c));
            sql.Append(')');
        }
        return sql.ToString();
    }

    private string Name(int row, int column) => _names[row * _columns.Count + column];
}
