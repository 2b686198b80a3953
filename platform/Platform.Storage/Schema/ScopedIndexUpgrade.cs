using System.Data.Common;
using Platform.Metadata.Definitions;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// Gives owning_business_unit to the declared indexes of a tenant whose tables were made before declared indexes
/// carried it (see <see cref="PhysicalModelBuilder"/>). The planner diffs definitions, and both sides of that diff are
/// built by today's model builder, so a change in how indexes are built would never reach an existing tenant. At tenant
/// load each such index is looked up in the database's catalog (one query per declared index) and rebuilt, under its
/// own name, when it lacks the column (on PostgreSQL without blocking writers: see <see cref="RebuildConcurrentlyAsync"/>). It is only faster: the old index finds the same rows in the same order, so a
/// rebuild that fails (a concurrent schema change, a lock) leaves it, and the next load tries again.
/// </summary>
public static class ScopedIndexUpgrade
{
    public static async Task EnsureAsync(TenantDatabase database, PhysicalModel model, CancellationToken ct)
    {
        if (database.Provider is not (DatabaseProvider.Sqlite or DatabaseProvider.Postgres)) return;
        var scoped = model.Tables.Where(t => t.Entity is not null)
            .SelectMany(t => t.Indexes.Where(i => !i.IsUnique && i.Columns.Count > 1 && i.Columns[^1] == SystemFields.OwningBusinessUnit).Select(i => (Table: t, Index: i)))
            .ToList();
        if (scoped.Count == 0) return;
        await using var connection = await TenantConnections.OpenAsync(database, ct);
        foreach (var (table, index) in scoped)
        {
            var columns = await ColumnsAsync(connection, database, index.Name, ct);
            // None: the index is not there (a schema change is under way); the unit among them: nothing to do.
            if (columns.Count == 0 || columns.Contains(table.Column(SystemFields.OwningBusinessUnit).Name)) continue;
            await RebuildAsync(connection, database, table, index, ct);
        }
    }

    private static async Task RebuildAsync(DbConnection connection, TenantDatabase database, TableModel table, IndexModel index, CancellationToken ct)
    {
        var d = database.Dialect;
        var columns = string.Join(", ", index.Columns.Select(c => d.Quote(table.Column(c).Name)));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await RebuildConcurrentlyAsync(connection, database, table, index, columns, ct);
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            foreach (var sql in new[]
                     {
                         $"DROP INDEX {d.Table(index.Name, database.Schema)}",
                         $"CREATE INDEX {d.Quote(index.Name)} ON {d.Table(table.Name, database.Schema)} ({columns})",
                     })
            {
                await using var command = connection.CreateCommand(sql, transaction);
                await command.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// PostgreSQL: the new index is built beside the old one with CREATE INDEX CONCURRENTLY, so writers to a large
    /// table (other hosts keep serving the tenant) are not blocked while it builds; then one short transaction drops
    /// the old index and gives the new one its name. A build that fails leaves an invalid index under the temporary
    /// name, which the next attempt drops first.
    /// </summary>
    private static async Task RebuildConcurrentlyAsync(DbConnection connection, TenantDatabase database, TableModel table, IndexModel index, string columns, CancellationToken ct)
    {
        var d = database.Dialect;
        var temporary = "tmp_scoped_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(index.Name)))[..20].ToLowerInvariant();
        var dropTemporary = $"DROP INDEX IF EXISTS {d.Table(temporary, database.Schema)}";
        try
        {
            // CONCURRENTLY runs outside any transaction: each statement commits on its own.
            foreach (var sql in new[] { dropTemporary, $"CREATE INDEX CONCURRENTLY {d.Quote(temporary)} ON {d.Table(table.Name, database.Schema)} ({columns})" })
            {
                await using var command = connection.CreateCommand(sql, null);
                command.CommandTimeout = 0; // a large table takes as long as it takes; the old index serves meanwhile
                await command.ExecuteNonQueryAsync(ct);
            }
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var sql in new[] { $"DROP INDEX {d.Table(index.Name, database.Schema)}", $"ALTER INDEX {d.Table(temporary, database.Schema)} RENAME TO {d.Quote(index.Name)}" })
            {
                await using var command = connection.CreateCommand(sql, transaction);
                await command.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbException)
        {
            try
            {
                await using var command = connection.CreateCommand(dropTemporary, null);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (DbException)
            {
                // The next load drops it before it builds again.
            }
        }
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, TenantDatabase database, string index, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(database.Provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM pragma_index_info(@p0)"
            : """
              SELECT a.attname FROM pg_index i
              JOIN pg_class c ON c.oid = i.indexrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
              WHERE c.relname = @p0 AND n.nspname = @p1
              """, null);
        command.AddParameter("@p0", index);
        if (database.Provider == DatabaseProvider.Postgres) command.AddParameter("@p1", database.Schema);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
        return columns;
    }
}
