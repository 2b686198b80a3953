using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Platform.Metadata.Definitions;
using Platform.Storage.Encryption;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>
/// Reads and writes records of one tenant database with parameterised SQL built from the physical model.
/// Identifiers come from validated definitions and are quoted by the provider's EF Core SQL helper; values are
/// always parameters. Stateless apart from caches of statement texts, so one instance serves every request.
/// Values of encrypted fields are sealed and opened here with <paramref name="cipher"/> (bound to their entity, field and
/// record), so every reader and writer sees clear text.
/// </summary>
public sealed partial class RecordStore(TenantDatabase database, PhysicalModel model, TenantFieldCipher? cipher = null)
{
    private readonly SqlDialect _dialect = database.Dialect;
    // Quoted identifiers and per-entity statement heads, so a request does not re-quote every column.
    private readonly ConcurrentDictionary<string, string> _quoted = new();
    private readonly ConcurrentDictionary<string, string> _gets = new();
    private readonly ConcurrentDictionary<string, string> _selectAll = new();

    public TenantDatabase Database { get; } = database;
    public PhysicalModel Model { get; } = model;

    public Task<RecordSession> OpenAsync(bool write, CancellationToken ct) => RecordSession.OpenAsync(Database, write, ct);

    public TableModel Table(string entity) => Model.Table(entity);

    private string T(string table) => _dialect.Table(table, Database.Schema);
    private string Q(string column) => _quoted.TryGetValue(column, out var quoted) ? quoted : _quoted.GetOrAdd(column, _dialect.Quote(column));

    public async Task<Dictionary<string, object?>?> GetAsync(RecordSession session, string entity, Guid id, CancellationToken ct)
    {
        var table = Table(entity);
        var sql = _gets.TryGetValue(entity, out var cached) ? cached : _gets.GetOrAdd(entity, $"{SelectAll(table)} WHERE {Q(SystemFields.Id)} = @p0");
        await using var command = session.Command(sql);
        command.AddParameter("@p0", ColumnValueCodec.ToDb(table.Column(SystemFields.Id), id, _dialect.Provider));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadRow(reader, table.Columns, entity) : null;
    }

    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetManyAsync(
        RecordSession session, string entity, IReadOnlyCollection<Guid> ids, IReadOnlyList<string>? select, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var query = new RecordQuery(entity)
        {
            Filter = new InNode(SystemFields.Id, ids.Cast<object?>().ToList()),
            Select = select,
            Top = ids.Count,
        };
        var page = await QueryAsync(session, query, ct);
        return page.Rows;
    }

    public async Task<RecordPage> QueryAsync(RecordSession session, RecordQuery query, CancellationToken ct)
    {
        if (query.Unordered) return await LookupAsync(session, query, ct);
        var table = Table(query.Entity);
        var order = KeysetSqlWriter.FullOrder(query.OrderBy);
        var columns = SelectedColumns(table, query.Select, order);
        var parameters = new SqlParameterList();
        var where = new StringBuilder();
        if (query.Filter is not null) new FilterSqlWriter(table, _dialect, parameters, Model, Database.Schema).Write(query.Filter, where);
        if (query.After is not null)
        {
            if (where.Length > 0) where.Append(" AND ");
            new KeysetSqlWriter(table, _dialect, parameters).Write(order, query.After, where);
        }

        var sql = new StringBuilder(query.Select is null ? SelectAll(table) : SelectSome(table, columns), 512);
        if (where.Length > 0) sql.Append(" WHERE ").Append(where);
        sql.Append(" ORDER BY ").AppendJoin(", ", order.Select(o => Q(table.Column(o.Field).Name) + (o.Descending ? " DESC" : "")));
        sql.Append(_dialect.Page(query.Top + 1, query.After is null ? query.Skip : 0));

        var rows = new List<Dictionary<string, object?>>(Math.Min(query.Top + 1, 1024));
        await using (var command = session.Command(sql.ToString()))
        {
            parameters.AddTo(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(ReadRow(reader, columns, query.Entity));
        }
        var hasMore = rows.Count > query.Top;
        if (hasMore) rows.RemoveAt(rows.Count - 1);

        long? count = null;
        var capped = false;
        if (query.Count != CountMode.None)
        {
            var countParameters = new SqlParameterList();
            var countFilter = new StringBuilder();
            if (query.Filter is not null) new FilterSqlWriter(table, _dialect, countParameters, Model, Database.Schema).Write(query.Filter, countFilter);
            (count, capped) = await CountAsync(session, table, countFilter.ToString(), countParameters, query.Count == CountMode.Capped ? query.CountCap : null, ct);
        }
        return new RecordPage(rows, hasMore, count, capped);
    }

    /// <summary>Whether any row of the table matches the filter: one index probe that stops at the first row, no ORDER BY.</summary>
    public async Task<bool> AnyAsync(RecordSession session, string table, FilterNode filter, CancellationToken ct)
    {
        var model = Table(table);
        var parameters = new SqlParameterList();
        var where = new StringBuilder();
        new FilterSqlWriter(model, _dialect, parameters, Model, Database.Schema).Write(filter, where);
        await using var command = session.Command(_dialect.SelectFirst(1, "1", T(model.Name) + " WHERE " + where));
        parameters.AddTo(command);
        return await command.ExecuteScalarAsync(ct) is not (null or DBNull);
    }

    private async Task<(long Count, bool Capped)> CountAsync(
        RecordSession session, TableModel table, string where, SqlParameterList parameters, int? cap, CancellationToken ct)
    {
        var filter = where.Length > 0 ? " WHERE " + where : "";
        string sql;
        if (cap is { } limit)
        {
            // Counting stops at cap + 1 rows: a large table answers "1,000+" in constant time.
            var inner = _dialect.SelectFirst(limit + 1, "1 AS one", T(table.Name) + filter);
            sql = $"SELECT COUNT(*) FROM ({inner}) capped";
        }
        else sql = $"SELECT COUNT(*) FROM {T(table.Name)}{filter}";
        await using var command = session.Command(sql);
        parameters.AddTo(command);
        var count = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        return cap is { } c && count > c ? (c, true) : (count, false);
    }

    private string SelectAll(TableModel table) =>
        _selectAll.TryGetValue(table.Name, out var sql) ? sql : _selectAll.GetOrAdd(table.Name, SelectSome(table, table.Columns));

    private string SelectSome(TableModel table, IEnumerable<ColumnModel> columns) =>
        $"SELECT {string.Join(", ", columns.Select(c => Q(c.Name)))} FROM {T(table.Name)}";

    private static IReadOnlyList<ColumnModel> SelectedColumns(TableModel table, IReadOnlyList<string>? select, IReadOnlyList<OrderTerm> order)
    {
        if (select is null) return table.Columns;
        var wanted = new HashSet<string>(select) { SystemFields.Id, SystemFields.RowVersion };
        foreach (var term in order) wanted.Add(term.Field);
        return table.Columns.Where(c => wanted.Contains(c.Name)).ToList();
    }

    private Dictionary<string, object?> ReadRow(DbDataReader reader, IReadOnlyList<ColumnModel> columns, string entity)
    {
        var row = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
        List<int>? sealedColumns = null;
        for (var i = 0; i < columns.Count; i++)
        {
            // Encrypted values are bound to their record's id: open them once the whole row (the id too) is read.
            if (columns[i].IsEncrypted) (sealedColumns ??= []).Add(i);
            else row[columns[i].Name] = ColumnValueCodec.Read(reader, i, columns[i], _dialect.Provider);
        }
        if (sealedColumns is not null)
        {
            var id = row.GetValueOrDefault(SystemFields.Id) as Guid? ?? Guid.Empty;
            foreach (var i in sealedColumns) row[columns[i].Name] = ColumnValueCodec.Read(reader, i, columns[i], _dialect.Provider, cipher, entity, id);
        }
        return row;
    }

    /// <summary>
    /// Inserts rows that all carry the same columns: on SQLite one prepared single-row INSERT executed per row, elsewhere
    /// multi-row INSERTs within the parameter limit (one round trip per 500 rows).
    /// </summary>
    public async Task InsertAsync(RecordSession session, string entity, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var table = Table(entity);
        var columns = table.Columns.Where(c => rows[0].ContainsKey(c.Name)).ToList();
        if (_dialect.InsertsRowByRow)
        {
            await InsertEachAsync(session, entity, table, columns, rows, ct);
            return;
        }
        if (_dialect.BulkCopies(rows.Count))
        {
            await PostgresCopyWriter.WriteAsync(session, T(table.Name), columns, rows, cipher, entity, _dialect, ct);
            return;
        }
        var perStatement = Math.Max(1, Math.Min(500, _dialect.MaxParameters / columns.Count));
        // PostgreSQL takes positional $n placeholders with unnamed parameters as they are; named ones make Npgsql parse
        // the statement and look up each of its thousands of names.
        var positional = _dialect.PositionalParameters;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var chunk = Math.Min(perStatement, rows.Count - start);
            var values = new List<object?>(chunk * columns.Count);
            var sql = new StringBuilder("INSERT INTO ").Append(T(table.Name)).Append(" (")
                .AppendJoin(", ", columns.Select(c => Q(c.Name))).Append(") VALUES ");
            for (var r = 0; r < chunk; r++)
            {
                var row = rows[start + r];
                sql.Append(r > 0 ? ", (" : "(");
                for (var c = 0; c < columns.Count; c++)
                {
                    values.Add(StoredValue(columns[c], row, entity));
                    sql.Append(c > 0 ? ", " : "").Append(positional ? "$" : "@p").Append(positional ? values.Count : values.Count - 1);
                }
                sql.Append(')');
            }
            await using var command = session.Command(sql.ToString());
            for (var i = 0; i < values.Count; i++)
            {
                var parameter = command.AddParameter(positional ? "" : "@p" + i, values[i]);
                // An untyped null takes the type of the column it meets; typed as text, PostgreSQL refuses it for other columns.
                if (values[i] is null) parameter.ResetDbType();
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// SQLite runs in-process, so a statement per row costs no round trip, while Microsoft.Data.Sqlite binds each
    /// parameter by name with a linear search: a 500-row statement binds about 15x slower than this prepared one.
    /// </summary>
    private async Task InsertEachAsync(
        RecordSession session, string entity, TableModel table, IReadOnlyList<ColumnModel> columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        var names = Enumerable.Range(0, columns.Count).Select(_dialect.ParameterName).ToList();
        var sql = $"INSERT INTO {T(table.Name)} ({string.Join(", ", columns.Select(c => Q(c.Name)))}) VALUES ({string.Join(", ", names)})";
        // The command keeps its statement prepared while its text stays the same; only the values change per row.
        // (Microsoft.Data.Sqlite binds by the value's type; DbType plays no part, so reused parameters bind as new ones would.)
        await using var command = session.Command(sql);
        var parameters = names.Select(name => command.AddParameter(name, null)).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = StoredValue(columns[i], row, entity) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A row's value as its column stores it; an encrypted one is bound to the row's id.</summary>
    private object? StoredValue(ColumnModel column, IReadOnlyDictionary<string, object?> row, string entity) =>
        ColumnValueCodec.ToDb(column, row.GetValueOrDefault(column.Name), _dialect.Provider, cipher, entity,
            column.IsEncrypted && row.GetValueOrDefault(SystemFields.Id) is Guid id ? id : Guid.Empty);

    /// <summary>Updates the given columns and bumps the row version; false when the row is gone or its version moved on.</summary>
    public async Task<bool> UpdateAsync(
        RecordSession session, string entity, Guid id, IReadOnlyDictionary<string, object?> changes, long? expectedVersion, CancellationToken ct)
    {
        var table = Table(entity);
        var parameters = new SqlParameterList();
        var sql = new StringBuilder("UPDATE ").Append(T(table.Name)).Append(" SET ");
        foreach (var (name, value) in changes)
        {
            var column = table.Column(name);
            sql.Append(Q(column.Name)).Append(" = ").Append(parameters.Add(ColumnValueCodec.ToDb(column, value, _dialect.Provider, cipher, entity, id))).Append(", ");
        }
        var version = Q(SystemFields.RowVersion);
        sql.Append(version).Append(" = ").Append(version).Append(" + 1 WHERE ").Append(Q(SystemFields.Id)).Append(" = ")
            .Append(parameters.Add(ColumnValueCodec.ToDb(table.Column(SystemFields.Id), id, _dialect.Provider)));
        if (expectedVersion is { } expected) sql.Append(" AND ").Append(version).Append(" = ").Append(parameters.Add(expected));
        await using var command = session.Command(sql.ToString());
        parameters.AddTo(command);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> DeleteAsync(RecordSession session, string entity, Guid id, long? expectedVersion, CancellationToken ct)
    {
        var table = Table(entity);
        var parameters = new SqlParameterList();
        var sql = $"DELETE FROM {T(table.Name)} WHERE {Q(SystemFields.Id)} = {parameters.Add(ColumnValueCodec.ToDb(table.Column(SystemFields.Id), id, _dialect.Provider))}";
        if (expectedVersion is { } expected) sql += $" AND {Q(SystemFields.RowVersion)} = {parameters.Add(expected)}";
        await using var command = session.Command(sql);
        parameters.AddTo(command);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The id of another record holding this value in a unique field, if any.</summary>
    public async Task<Guid?> FindByValueAsync(RecordSession session, string entity, string field, object value, Guid? exceptId, CancellationToken ct)
    {
        FilterNode filter = new ComparisonNode(field, ComparisonOperator.Eq, value);
        if (exceptId is { } except) filter = new AndNode(filter, new ComparisonNode(SystemFields.Id, ComparisonOperator.Ne, except));
        var page = await QueryAsync(session, new RecordQuery(entity) { Filter = filter, Select = [SystemFields.Id], Top = 1 }, ct);
        return page.Rows.Count == 0 ? null : (Guid)page.Rows[0][SystemFields.Id]!;
    }

    public async Task<HashSet<Guid>> ExistingIdsAsync(RecordSession session, string entity, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await GetManyAsync(session, entity, ids, [SystemFields.Id], ct);
        return rows.Select(r => (Guid)r[SystemFields.Id]!).ToHashSet();
    }

    /// <summary>A lookup with onDelete "restrict" that points at the record, if any (entity and field named for the error).</summary>
    public async Task<(string Entity, string Field)?> FindRestrictingReferenceAsync(RecordSession session, string entity, Guid id, CancellationToken ct)
    {
        foreach (var table in Model.Tables)
        {
            foreach (var fk in table.ForeignKeys.Where(f => f.PrincipalTable == entity && f.OnDelete == DeleteBehavior.Restrict))
            {
                var filter = new ComparisonNode(fk.Columns[0], ComparisonOperator.Eq, id);
                var page = await QueryAsync(session, new RecordQuery(table.Name) { Filter = filter, Select = [fk.Columns[0]], Top = 1 }, ct);
                if (page.Rows.Count > 0) return (table.Entity?.Name ?? table.Name, fk.Columns[0]);
            }
        }
        return null;
    }

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive values of a named counter and returns the first. The UPDATE takes
    /// the row's write lock until the transaction ends, so concurrent inserts are serialised and never share a number.
    /// </summary>
    public async Task<long> NextSequenceValueAsync(RecordSession session, string name, CancellationToken ct, int count = 1)
    {
        var table = T(PlatformTables.Sequences);
        var insert = _dialect.InsertIfAbsentSql(table, $"{Q("name")}, {Q("next_value")}", "@p0, 1", Q("name"), "@p0");
        var sql = $"{insert}; UPDATE {table} SET {Q("next_value")} = {Q("next_value")} + @p1 WHERE {Q("name")} = @p0; " +
                  $"SELECT {Q("next_value")} - @p1 FROM {table} WHERE {Q("name")} = @p0";
        await using var command = session.Command(sql);
        command.AddParameter("@p0", name);
        command.AddParameter("@p1", (long)count);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>Links two records through a many-to-many relation; linking twice is not an error.</summary>
    public async Task<bool> LinkAsync(RecordSession session, string junction, Guid sourceId, Guid targetId, CancellationToken ct)
    {
        var table = Table(junction);
        var sql = $"SELECT 1 FROM {T(table.Name)} WHERE {Q("source_id")} = @p0 AND {Q("target_id")} = @p1";
        await using (var command = session.Command(sql))
        {
            command.AddParameter("@p0", ColumnValueCodec.ToDb(table.Column("source_id"), sourceId, _dialect.Provider));
            command.AddParameter("@p1", ColumnValueCodec.ToDb(table.Column("target_id"), targetId, _dialect.Provider));
            if (await command.ExecuteScalarAsync(ct) is not null) return false;
        }
        await InsertAsync(session, table.Name, [new Dictionary<string, object?> { ["source_id"] = sourceId, ["target_id"] = targetId, ["created_at"] = DateTime.UtcNow }], ct);
        return true;
    }

    public async Task<bool> UnlinkAsync(RecordSession session, string junction, Guid sourceId, Guid targetId, CancellationToken ct)
    {
        var table = Table(junction);
        var sql = $"DELETE FROM {T(table.Name)} WHERE {Q("source_id")} = @p0 AND {Q("target_id")} = @p1";
        await using var command = session.Command(sql);
        command.AddParameter("@p0", ColumnValueCodec.ToDb(table.Column("source_id"), sourceId, _dialect.Provider));
        command.AddParameter("@p1", ColumnValueCodec.ToDb(table.Column("target_id"), targetId, _dialect.Provider));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Ids of the records that link to <paramref name="targetId"/> through a junction table.</summary>
    public async Task<IReadOnlyList<Guid>> LinkingIdsAsync(RecordSession session, string junction, Guid targetId, CancellationToken ct)
    {
        var table = Table(junction);
        await using var command = session.Command($"SELECT {Q("source_id")} FROM {T(table.Name)} WHERE {Q("target_id")} = @p0 ORDER BY {Q("source_id")}");
        command.AddParameter("@p0", ColumnValueCodec.ToDb(table.Column("target_id"), targetId, _dialect.Provider));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct)) ids.Add((Guid)ColumnValueCodec.Read(reader, 0, table.Column("source_id"), _dialect.Provider)!);
        return ids;
    }

    /// <summary>Ids linked from a record through a junction table, oldest link first.</summary>
    public async Task<IReadOnlyList<Guid>> LinkedIdsAsync(RecordSession session, string junction, Guid sourceId, int limit, CancellationToken ct)
    {
        var table = Table(junction);
        var sql = $"SELECT {Q("target_id")} FROM {T(table.Name)} WHERE {Q("source_id")} = @p0 ORDER BY {Q("created_at")}, {Q("target_id")}" + _dialect.Page(limit, null);
        await using var command = session.Command(sql);
        command.AddParameter("@p0", ColumnValueCodec.ToDb(table.Column("source_id"), sourceId, _dialect.Provider));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct)) ids.Add((Guid)ColumnValueCodec.Read(reader, 0, table.Column("target_id"), _dialect.Provider)!);
        return ids;
    }
}
