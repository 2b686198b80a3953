using System.Data.Common;
using System.Globalization;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Schema;

namespace Platform.Storage.Tests.Support;

/// <summary>A throwaway tenant database with the plan/apply shortcuts and introspection the schema tests need.</summary>
public abstract class TestTenant : IAsyncDisposable
{
    public abstract TenantDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    public SqlDialect Dialect => Database.Dialect;

    public Task<SchemaPlan> PlanAsync(DefinitionSet definitions) => SchemaPlanner.PlanAsync(Database, definitions, CancellationToken.None);

    public async Task<SchemaApplyResult> ApplyAsync(DefinitionSet definitions, bool allowDataLoss = false) =>
        await SchemaApplier.ApplyAsync(await PlanAsync(definitions), allowDataLoss, CancellationToken.None);

    /// <summary>Plans and applies, failing the test when the apply is refused.</summary>
    public async Task<SchemaApplyResult> ApplyOkAsync(DefinitionSet definitions, bool allowDataLoss = false)
    {
        var result = await ApplyAsync(definitions, allowDataLoss);
        Assert.False(result.Refused, result.Reason + Environment.NewLine + result.Plan.Describe());
        return result;
    }

    public async Task<DbConnection> OpenAsync() => await TenantConnections.OpenAsync(Database, CancellationToken.None);

    /// <summary>Inserts a record of <paramref name="entity"/> with platform values, stored the way the platform stores them.</summary>
    public async Task<Guid> InsertAsync(DefinitionSet definitions, string entity, params (string Field, object? Value)[] values)
    {
        var table = PhysicalModelBuilder.Build(definitions, Provider).Table(entity);
        var id = Guid.NewGuid();
        var now = DateTime.UtcNow;
        var row = new List<(ColumnModel Column, object? Value)>
        {
            (table.Column(SystemFields.Id), id), (table.Column(SystemFields.CreatedAt), now),
            (table.Column(SystemFields.ModifiedAt), now), (table.Column(SystemFields.RowVersion), 1L),
        };
        row.AddRange(values.Select(v => (table.Column(v.Field), v.Value)));
        var sql = $"INSERT INTO {Dialect.Table(entity, Database.Schema)} ({string.Join(", ", row.Select(r => Dialect.Quote(r.Column.Name)))}) " +
                  $"VALUES ({string.Join(", ", row.Select((_, i) => Dialect.ParameterName(i)))})";
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand(sql, null);
        for (var i = 0; i < row.Count; i++) command.AddParameter(Dialect.ParameterName(i), ToStore(row[i].Column, row[i].Value));
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>Sets one column of one row to a raw stored value (to plant data a later change must deal with).</summary>
    public async Task SetRawAsync(string table, Guid id, string column, object? value)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand(
            $"UPDATE {Dialect.Table(table, Database.Schema)} SET {Dialect.Quote(column)} = @p0 WHERE {Dialect.Quote(SystemFields.Id)} = @p1", null);
        command.AddParameter("@p0", value);
        command.AddParameter("@p1", StoredId(id));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Every row as raw column values, ordered by id, each value written invariantly (for before/after comparisons).</summary>
    public async Task<IReadOnlyList<string>> DumpAsync(string table, params string[] columns)
    {
        await using var connection = await OpenAsync();
        var list = columns.Length == 0 ? "*" : string.Join(", ", columns.Select(Dialect.Quote));
        await using var command = connection.CreateCommand($"SELECT {list} FROM {Dialect.Table(table, Database.Schema)} ORDER BY {Dialect.Quote(SystemFields.Id)}", null);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                .OrderBy(reader.GetName, StringComparer.Ordinal)
                .Select(i => reader.GetName(i) + "=" + (reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)))));
        }
        return rows;
    }

    /// <summary>The raw stored value of one column of one row.</summary>
    public async Task<object?> ValueAsync(string table, Guid id, string column)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand(
            $"SELECT {Dialect.Quote(column)} FROM {Dialect.Table(table, Database.Schema)} WHERE {Dialect.Quote(SystemFields.Id)} = @p0", null);
        command.AddParameter("@p0", StoredId(id));
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand($"SELECT COUNT(*) FROM {Dialect.Table(table, Database.Schema)}", null);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<SchemaHistoryEntry>> HistoryAsync()
    {
        await using var connection = await OpenAsync();
        return await SchemaHistory.ReadAsync(connection, Database, 1000, CancellationToken.None);
    }

    /// <summary>"name type null|not null" for each column, in table order.</summary>
    public abstract Task<IReadOnlyList<string>> ColumnsAsync(string table);

    /// <summary>"name(col, col) unique?" for each index, sorted by name.</summary>
    public abstract Task<IReadOnlyList<string>> IndexesAsync(string table);

    public abstract Task<IReadOnlyList<string>> TablesAsync();

    /// <summary>Holds what an apply must take first (PostgreSQL: the tenant's advisory lock; SQLite: the write lock) until disposed.</summary>
    public abstract Task<IAsyncDisposable> HoldSchemaLockAsync();

    public abstract ValueTask DisposeAsync();

    private static readonly ColumnModel IdColumn = new(SystemFields.Id, ValueKind.Guid, typeof(Guid), false);

    /// <summary>An id as the database holds it.</summary>
    public object StoredId(Guid id) => ToStore(IdColumn, id)!;

    /// <summary>How the platform stores a value in this provider (SQLite: text dates and ids, scaled decimals).</summary>
    public object? ToStore(ColumnModel column, object? value)
    {
        if (value is null || Provider != DatabaseProvider.Sqlite) return value;
        return value switch
        {
            Guid g => g.ToString("D"),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            bool b => b ? 1L : 0L,
            decimal m when column.DecimalScaleOnDisk is { } scale => decimal.ToInt64(m * FieldColumnMapper.Pow10(scale)),
            _ => value,
        };
    }

    protected async Task<IReadOnlyList<string>> ListAsync(string sql, params object?[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand(sql, null);
        for (var i = 0; i < parameters.Length; i++) command.AddParameter("@p" + i, parameters[i]);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }
}
