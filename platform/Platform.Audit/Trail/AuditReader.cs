using Platform.Runtime;
using Platform.Storage.Physical;
using Platform.Storage.Records;

namespace Platform.Audit.Trail;

/// <summary>Lists audit entries newest first, filtered and keyset-paged, through the record store's query path.</summary>
public static class AuditReader
{
    public static async Task<AuditPage> ReadAsync(TenantRuntime runtime, AuditQuery query, CancellationToken ct)
    {
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        return await ReadAsync(runtime.Store, session, query, ct);
    }

    public static async Task<AuditPage> ReadAsync(RecordStore store, RecordSession session, AuditQuery query, CancellationToken ct)
    {
        var top = Math.Clamp(query.Top, 1, AuditQuery.MaxTop);
        var page = await store.QueryAsync(session, new RecordQuery(AuditTables.Audit)
        {
            Filter = Filter(query),
            OrderBy = [new OrderTerm("occurred_at", Descending: true), new OrderTerm("id", Descending: true)],
            Top = top,
            After = query.After is { } after ? [after.OccurredAt, after.Id] : null,
        }, ct);
        var entries = page.Rows.Select(AuditRows.FromRow).ToList();
        var next = page.HasMore ? new AuditCursor(entries[^1].OccurredAt, entries[^1].Id) : null;
        return new AuditPage(entries, next);
    }

    private static FilterNode? Filter(AuditQuery query)
    {
        var terms = new List<FilterNode>();
        if (query.Entity is { } entity) terms.Add(new ComparisonNode("entity", ComparisonOperator.Eq, entity));
        if (query.RecordId is { } record) terms.Add(new ComparisonNode("record_id", ComparisonOperator.Eq, record));
        if (query.Action is { } action) terms.Add(new ComparisonNode("action", ComparisonOperator.Eq, action));
        if (query.ActorId is { } actor) terms.Add(new ComparisonNode("actor_id", ComparisonOperator.Eq, actor));
        if (query.From is { } from) terms.Add(new ComparisonNode("occurred_at", ComparisonOperator.Ge, from));
        if (query.To is { } to) terms.Add(new ComparisonNode("occurred_at", ComparisonOperator.Lt, to));
        return terms.Count == 0 ? null : terms.Aggregate((left, right) => new AndNode(left, right));
    }
}
