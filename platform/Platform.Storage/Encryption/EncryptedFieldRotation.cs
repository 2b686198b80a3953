using System.Text;
using Platform.Metadata.Definitions;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Storage.Encryption;

/// <summary>What one table's rotation did.</summary>
public sealed record RotationProgress(string Entity, long RowsRead, long ValuesRewritten);

/// <summary>
/// Re-encrypts one tenant's encrypted fields under the current master key in the current format: values of format v1,
/// values under a previous master key, and clear values stored before their field was marked encrypted. Works in
/// batches (one short transaction each, in id order) so a large table never holds a long lock, and is resumable: a
/// rerun rewrites only what is not current yet. Each value is replaced only if it is still the value read (compare and
/// set), so a concurrent write is never undone; row versions do not change, since the values do not.
/// </summary>
public sealed class EncryptedFieldRotation(TenantDatabase database, PhysicalModel model, TenantFieldCipher cipher, int batchSize = 500)
{
    private readonly SqlDialect _dialect = database.Dialect;

    public async Task<IReadOnlyList<RotationProgress>> RunAsync(Func<RotationProgress, Task>? onBatch, CancellationToken ct)
    {
        var done = new List<RotationProgress>();
        foreach (var table in model.Tables.Where(t => t.Entity is not null && t.Columns.Any(c => c.IsEncrypted)))
            done.Add(await RotateAsync(table, onBatch, ct));
        return done;
    }

    private async Task<RotationProgress> RotateAsync(TableModel table, Func<RotationProgress, Task>? onBatch, CancellationToken ct)
    {
        var entity = table.Entity!.Name;
        var idColumn = table.Column(SystemFields.Id);
        var sealedColumns = table.Columns.Where(c => c.IsEncrypted).ToList();
        var progress = new RotationProgress(entity, 0, 0);
        Guid? after = null;
        while (true)
        {
            var batch = await ReadBatchAsync(table, idColumn, sealedColumns, after, ct);
            if (batch.Count == 0) return progress;
            var rewritten = 0;
            await using (var session = await RecordSession.OpenAsync(database, write: true, ct))
            {
                foreach (var (id, values) in batch)
                {
                    for (var c = 0; c < sealedColumns.Count; c++)
                    {
                        if (values[c] is not { } stored || !cipher.NeedsRewrite(stored)) continue;
                        var value = TenantFieldCipher.IsSealed(stored)
                            ? PlaintextValueCodec.Read(cipher.Decrypt(stored, entity, sealedColumns[c].Name, id), sealedColumns[c].Kind)
                            : PlaintextValueCodec.ReadLegacy(stored, sealedColumns[c].Kind);
                        if (value is null) continue;
                        var current = cipher.Encrypt(PlaintextValueCodec.Write(value), entity, sealedColumns[c].Name, id);
                        rewritten += await ReplaceAsync(session, table, idColumn, sealedColumns[c], id, stored, current, ct);
                    }
                }
                await session.CommitAsync(ct);
            }
            after = batch[^1].Id;
            progress = progress with { RowsRead = progress.RowsRead + batch.Count, ValuesRewritten = progress.ValuesRewritten + rewritten };
            if (onBatch is not null) await onBatch(progress);
        }
    }

    private async Task<List<(Guid Id, string?[] Values)>> ReadBatchAsync(
        TableModel table, ColumnModel idColumn, IReadOnlyList<ColumnModel> sealedColumns, Guid? after, CancellationToken ct)
    {
        var id = _dialect.Quote(idColumn.Name);
        var sql = new StringBuilder($"SELECT {id}, {string.Join(", ", sealedColumns.Select(c => _dialect.Quote(c.Name)))} FROM {_dialect.Table(table.Name, database.Schema)}");
        if (after is not null) sql.Append($" WHERE {id} > @p0");
        sql.Append($" ORDER BY {id}").Append(_dialect.Page(batchSize, null));
        await using var session = await RecordSession.OpenAsync(database, write: false, ct);
        await using var command = session.Command(sql.ToString());
        if (after is { } last) command.AddParameter("@p0", ColumnValueCodec.ToDb(idColumn, last, database.Provider));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(Guid, string?[])>();
        while (await reader.ReadAsync(ct))
        {
            var values = new string?[sealedColumns.Count];
            for (var c = 0; c < values.Length; c++) values[c] = reader.IsDBNull(c + 1) ? null : reader.GetString(c + 1);
            rows.Add(((Guid)ColumnValueCodec.Read(reader, 0, idColumn, database.Provider)!, values));
        }
        return rows;
    }

    private async Task<int> ReplaceAsync(
        RecordSession session, TableModel table, ColumnModel idColumn, ColumnModel column, Guid id, string stored, string current, CancellationToken ct)
    {
        var name = _dialect.Quote(column.Name);
        await using var command = session.Command(
            $"UPDATE {_dialect.Table(table.Name, database.Schema)} SET {name} = @p0 WHERE {_dialect.Quote(idColumn.Name)} = @p1 AND {name} = @p2");
        command.AddParameter("@p0", current);
        command.AddParameter("@p1", ColumnValueCodec.ToDb(idColumn, id, database.Provider));
        command.AddParameter("@p2", stored);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
