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
        var d = database.Dialect;
        var name = d.Table(table.Name, database.Schema);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var types = await ColumnTypesAsync(connection, name);
        var columns = table.Columns;
        var copy = $"COPY {name} ({string.Join(", ", columns.Select(c => d.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            foreach (var column in columns)
            {
                var value = ColumnValueCodec.ToDb(column, row.GetValueOrDefault(column.Name), DatabaseProvider.Postgres);
                if (value is null) await importer.WriteNullAsync();
                else await importer.WriteAsync(value, types[column.Name]);
            }
        }
        await importer.CompleteAsync();
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

    private static async Task<Dictionary<string, string>> ColumnTypesAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a WHERE a.attrelid = @t::regclass AND a.attnum > 0 AND NOT a.attisdropped", connection);
        command.Parameters.AddWithValue("t", table);
        await using var reader = await command.ExecuteReaderAsync();
        var types = new Dictionary<string, string>();
        while (await reader.ReadAsync()) types[reader.GetString(0)] = reader.GetString(1);
        return types;
    }
}
