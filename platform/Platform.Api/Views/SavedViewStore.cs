using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Api.Views;

/// <summary>A saved view: a user's personal view (<see cref="OwnerId"/> set) or the tenant's override of shared view <see cref="ViewId"/>.</summary>
public sealed record SavedView(Guid Id, string Entity, Guid? OwnerId, string? ViewId, ViewDefinition Definition, long RowVersion);

/// <summary>The tenant's saved views (platform_saved_views), through the record store's parameterised SQL.</summary>
public static class SavedViewStore
{
    private const string Table = SavedViewTables.SavedViews;

    /// <summary>The owner's personal views of the entity and the tenant's shared-view overrides, oldest first.</summary>
    public static async Task<IReadOnlyList<SavedView>> ListAsync(TenantRuntime runtime, string entity, Guid? owner, CancellationToken ct)
    {
        FilterNode mine = owner is { } id ? new ComparisonNode("owner_id", ComparisonOperator.Eq, id) : new ConstantNode(false);
        var filter = new AndNode(new ComparisonNode("entity", ComparisonOperator.Eq, entity),
            new OrNode(mine, new AndNode(new ComparisonNode("owner_id", ComparisonOperator.Eq, null), new ComparisonNode("view_id", ComparisonOperator.Ne, null))));
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        var page = await runtime.Store.QueryAsync(session, new RecordQuery(Table) { Filter = filter, OrderBy = [new OrderTerm("modified_at")], Top = 500 }, ct);
        return page.Rows.Select(Read).ToList();
    }

    public static async Task<SavedView?> GetAsync(TenantRuntime runtime, Guid id, CancellationToken ct)
    {
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        return await runtime.Store.GetAsync(session, Table, id, ct) is { } row ? Read(row) : null;
    }

    public static async Task<SavedView?> FindSharedAsync(TenantRuntime runtime, string entity, string viewId, CancellationToken ct)
    {
        var filter = new AndNode(new AndNode(new ComparisonNode("entity", ComparisonOperator.Eq, entity), new ComparisonNode("view_id", ComparisonOperator.Eq, viewId)),
            new ComparisonNode("owner_id", ComparisonOperator.Eq, null));
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        var page = await runtime.Store.QueryAsync(session, new RecordQuery(Table) { Filter = filter, Top = 1 }, ct);
        return page.Rows.Count == 0 ? null : Read(page.Rows[0]);
    }

    /// <summary>Stores a new saved view at version 1; false when a shared override of the same view got there first.</summary>
    public static async Task<bool> InsertAsync(TenantRuntime runtime, SavedView view, Guid? actor, CancellationToken ct)
    {
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        if (view.ViewId is { } shared && await ExistsSharedAsync(runtime, session, view.Entity, shared, ct)) return false;
        await runtime.Store.InsertAsync(session, Table,
        [
            new Dictionary<string, object?>
            {
                ["id"] = view.Id, ["entity"] = view.Entity, ["owner_id"] = view.OwnerId, ["view_id"] = view.ViewId,
                ["definition"] = DefinitionJson.Serialize(view.Definition), ["row_version"] = 1L,
                ["modified_at"] = DateTime.UtcNow, ["modified_by"] = actor,
            },
        ], ct);
        await session.CommitAsync(ct);
        return true;
    }

    /// <summary>Replaces the definition when the stored version is still <paramref name="expectedVersion"/>; false when it moved on or is gone.</summary>
    public static async Task<bool> UpdateAsync(TenantRuntime runtime, Guid id, ViewDefinition definition, long expectedVersion, Guid? actor, CancellationToken ct)
    {
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        var changes = new Dictionary<string, object?>
        {
            ["definition"] = DefinitionJson.Serialize(definition), ["modified_at"] = DateTime.UtcNow, ["modified_by"] = actor,
        };
        var updated = await runtime.Store.UpdateAsync(session, Table, id, changes, expectedVersion, ct);
        await session.CommitAsync(ct);
        return updated;
    }

    public static async Task<bool> DeleteAsync(TenantRuntime runtime, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        var deleted = await runtime.Store.DeleteAsync(session, Table, id, expectedVersion, ct);
        await session.CommitAsync(ct);
        return deleted;
    }

    private static async Task<bool> ExistsSharedAsync(TenantRuntime runtime, RecordSession session, string entity, string viewId, CancellationToken ct)
    {
        var filter = new AndNode(new ComparisonNode("entity", ComparisonOperator.Eq, entity), new ComparisonNode("view_id", ComparisonOperator.Eq, viewId));
        return (await runtime.Store.QueryAsync(session, new RecordQuery(Table) { Filter = filter, Select = ["id"], Top = 1 }, ct)).Rows.Count > 0;
    }

    private static SavedView Read(Dictionary<string, object?> row) => new(
        (Guid)row["id"]!, (string)row["entity"]!, row["owner_id"] as Guid?, row["view_id"] as string,
        DefinitionJson.Deserialize<ViewDefinition>((string)row["definition"]!), Convert.ToInt64(row["row_version"], System.Globalization.CultureInfo.InvariantCulture));
}
