using Platform.Storage.Records;

namespace Platform.Audit.Privacy;

/// <summary>Reads every record that refers to a data subject through one <see cref="SubjectReference"/>.</summary>
internal static class SubjectRecords
{
    private const int PageSize = 1000;

    public static async Task<IReadOnlyList<Dictionary<string, object?>>> ReadAsync(
        RecordStore store, RecordSession session, SubjectReference reference, Guid subjectId, CancellationToken ct)
    {
        if (reference.Lookup is { } lookup) return await ByLookupAsync(store, session, reference.Entity.Name, lookup.Name, subjectId, ct);
        var ids = await LinkedIdsAsync(store, session, reference, subjectId, ct);
        var rows = new List<Dictionary<string, object?>>(ids.Count);
        foreach (var chunk in ids.Chunk(PageSize)) rows.AddRange(await store.GetManyAsync(session, reference.Entity.Name, chunk, null, ct));
        return rows;
    }

    private static async Task<IReadOnlyList<Dictionary<string, object?>>> ByLookupAsync(
        RecordStore store, RecordSession session, string entity, string field, Guid subjectId, CancellationToken ct)
    {
        var rows = new List<Dictionary<string, object?>>();
        IReadOnlyList<object?>? after = null;
        while (true)
        {
            var page = await store.QueryAsync(session, new RecordQuery(entity)
            {
                Filter = new ComparisonNode(field, ComparisonOperator.Eq, subjectId),
                Top = PageSize,
                After = after,
            }, ct);
            rows.AddRange(page.Rows);
            if (!page.HasMore) return rows;
            after = [page.Rows[^1]["id"]];
        }
    }

    /// <summary>The other side's ids of the subject's links in a junction table.</summary>
    private static async Task<IReadOnlyList<Guid>> LinkedIdsAsync(
        RecordStore store, RecordSession session, SubjectReference reference, Guid subjectId, CancellationToken ct)
    {
        var table = store.Table(reference.Junction!);
        var (mine, theirs) = reference.SubjectIsSource ? ("source_id", "target_id") : ("target_id", "source_id");
        var dialect = store.Database.Dialect;
        var sql = $"SELECT {dialect.Quote(theirs)} FROM {dialect.Table(table.Name, store.Database.Schema)} WHERE {dialect.Quote(mine)} = @p0";
        await using var command = session.Command(sql);
        Storage.Providers.DbCommandExtensions.AddParameter(command, "@p0", ColumnValueCodec.ToDb(table.Column(mine), subjectId, dialect.Provider));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct)) ids.Add((Guid)ColumnValueCodec.Read(reader, 0, table.Column(theirs), dialect.Provider)!);
        return ids;
    }
}
