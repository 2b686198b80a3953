using Platform.Metadata.Definitions;
using Platform.Runtime;
using Platform.Storage.Physical;
using Platform.Storage.Records;

namespace Platform.Records.Security;

/// <summary>The tenant's record shares (platform_record_shares), read and written through the record store's parameterised SQL.</summary>
public static class RecordShares
{
    public sealed record Share(SharePrincipal Principal, bool CanUpdate, DateTime SharedAt, Guid? SharedBy);

    /// <summary>A filter over an entity's rows: those shared with any of the principals (with update rights when asked).</summary>
    public static FilterNode SharedWith(string entity, IReadOnlyList<object?> principalKeys, bool update)
    {
        FilterNode where = new AndNode(new ComparisonNode("entity", ComparisonOperator.Eq, entity), new InNode("principal", principalKeys));
        if (update) where = new AndNode(where, new ComparisonNode("can_update", ComparisonOperator.Eq, true));
        return new InSubqueryNode(SystemFields.Id, ShareTables.RecordShares, "record_id", where);
    }

    /// <summary>True when the record is shared with one of the principals (with update rights when asked).</summary>
    public static async Task<bool> IsSharedAsync(
        TenantRuntime runtime, RecordSession session, string entity, Guid id, IReadOnlyList<object?> principalKeys, bool update, CancellationToken ct)
    {
        if (principalKeys.Count == 0) return false;
        FilterNode filter = new AndNode(RecordFilter(entity, id), new InNode("principal", principalKeys));
        if (update) filter = new AndNode(filter, new ComparisonNode("can_update", ComparisonOperator.Eq, true));
        var page = await runtime.Store.QueryAsync(session, new RecordQuery(ShareTables.RecordShares) { Filter = filter, Select = ["id"], Top = 1 }, ct);
        return page.Rows.Count > 0;
    }

    public static async Task<IReadOnlyList<Share>> ListAsync(TenantRuntime runtime, RecordSession session, string entity, Guid id, CancellationToken ct)
    {
        var page = await runtime.Store.QueryAsync(session, new RecordQuery(ShareTables.RecordShares) { Filter = RecordFilter(entity, id), Top = 1000 }, ct);
        return page.Rows.Select(r =>
        {
            var key = (string)r["principal"]!;
            var colon = key.IndexOf(':');
            return new Share(new SharePrincipal(key[..colon], key[(colon + 1)..]), (bool)r["can_update"]!, (DateTime)r["shared_at"]!, r["shared_by"] as Guid?);
        }).ToList();
    }

    /// <summary>Shares the record with the principal, replacing the rights of an earlier share with the same principal.</summary>
    public static async Task SaveAsync(
        TenantRuntime runtime, RecordSession session, string entity, Guid id, SharePrincipal principal, bool canUpdate, RecordActor actor, CancellationToken ct)
    {
        await RemoveAsync(runtime, session, entity, id, principal, ct);
        await runtime.Store.InsertAsync(session, ShareTables.RecordShares,
        [
            new Dictionary<string, object?>
            {
                ["id"] = Guid.CreateVersion7(), ["entity"] = entity, ["record_id"] = id, ["principal"] = principal.Key,
                ["can_update"] = canUpdate, ["shared_at"] = DateTime.UtcNow, ["shared_by"] = actor.UserId,
            },
        ], ct);
    }

    /// <summary>Removes the principal's share of the record; false when there was none.</summary>
    public static async Task<bool> RemoveAsync(TenantRuntime runtime, RecordSession session, string entity, Guid id, SharePrincipal principal, CancellationToken ct)
    {
        var filter = new AndNode(RecordFilter(entity, id), new ComparisonNode("principal", ComparisonOperator.Eq, principal.Key));
        var page = await runtime.Store.QueryAsync(session, new RecordQuery(ShareTables.RecordShares) { Filter = filter, Select = ["id"], Top = 10 }, ct);
        foreach (var row in page.Rows) await runtime.Store.DeleteAsync(session, ShareTables.RecordShares, (Guid)row["id"]!, null, ct);
        return page.Rows.Count > 0;
    }

    /// <summary>Removes every share of a record (it is being deleted).</summary>
    public static async Task RemoveAllAsync(TenantRuntime runtime, RecordSession session, string entity, Guid id, CancellationToken ct)
    {
        foreach (var share in await ListAsync(runtime, session, entity, id, ct)) await RemoveAsync(runtime, session, entity, id, share.Principal, ct);
    }

    private static FilterNode RecordFilter(string entity, Guid id) =>
        new AndNode(new ComparisonNode("entity", ComparisonOperator.Eq, entity), new ComparisonNode("record_id", ComparisonOperator.Eq, id));
}
