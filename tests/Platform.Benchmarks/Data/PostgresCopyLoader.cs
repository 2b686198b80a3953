using Npgsql;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Benchmarks.Data;

/// <summary>Loads many rows into a PostgreSQL tenant table with binary COPY, typed by the table's real column types.</summary>
public static class PostgresCopyLoader
{
    public static async Task LoadAsync(TenantDatabase database, TableModel table, IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await CopyAsync(connection, database, table, await ColumnTypesAsync(connection, database, table), rows, CancellationToken.None);
    }

    /// <summary>One binary COPY of the rows on an open connection (inside its transaction, if one is open).</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, TenantDatabase database, TableModel table, IReadOnlyDictionary<string, string> types,
        IEnumerable<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        var d = database.Dialect;
        var columns = table.Columns;
        var copy = $"COPY {d.Table(table.Name, database.Schema)} ({string.Join(", ", columns.Select(c => d.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = ColumnValueCodec.ToDb(column, row.GetValueOrDefault(column.Name), DatabaseProvider.Postgres);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, types[column.Name], ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>The table's relfilenode: it changes exactly when PostgreSQL rewrites the table.</summary>
    public static async Task<long> RelFileNodeAsync(TenantDatabase database, string table)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT relfilenode::bigint FROM pg_class WHERE oid = @t::regclass", connection);
        command.Parameters.AddWithValue("t", database.Dialect.Table(table, database.Schema));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The PostgreSQL type of each column, which binary COPY must be told.</summary>
    public static async Task<Dictionary<string, string>> ColumnTypesAsync(NpgsqlConnection connection, TenantDatabase database, TableModel table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a WHERE a.attrelid = @t::regclass AND a.attnum > 0 AND NOT a.attisdropped", connection);
        command.Parameters.AddWithValue("t", database.Dialect.Table(table.Name, database.Schema));
        await using var reader = await command.ExecuteReaderAsync();
        var types = new Dictionary<string, string>();
        while (await reader.ReadAsync()) types[reader.GetString(0)] = reader.GetString(1);
        return types;
    }
}
