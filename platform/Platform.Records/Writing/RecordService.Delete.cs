using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Events;
using Platform.Records.Security;
using Platform.Records.Writing;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Records;

/// <summary>
/// Deleting a record with what its lookups' onDelete rules take along. Cascade children are deleted and setNull
/// children cleared by the record service in the delete's transaction — each checked against the deleter's delete
/// (or update) privilege, its hooks run, its audit entry written and its shares removed — instead of by the database,
/// which would do it unseen. A child out of the deleter's reach refuses the whole delete (403 naming its entity). Links
/// other records hold to a deleted record are audited as unlinks of those records.
/// </summary>
public sealed partial class RecordService
{
    /// <summary>How many children of one lookup a delete reads at once (it repeats until none is left).</summary>
    private const int ChildrenPerRead = 500;

    /// <summary>Deletes a row the delete already holds (read, permitted, claimed), after its children.</summary>
    private async Task DeleteClaimedAsync(
        TenantRuntime runtime, RecordSession session, EntityDefinition definition, Dictionary<string, object?> row, RecordActor actor,
        List<RecordChange> changes, DeleteCascade cascade, CancellationToken ct)
    {
        var entity = definition.Name;
        var id = (Guid)row[SystemFields.Id]!;
        cascade.Claim(entity, id);
        if (hooks is not null) await hooks.BeforeDeleteAsync(this, runtime, definition, row, actor, ct);
        if (await runtime.Store.FindRestrictingReferenceAsync(session, entity, id, ct) is { } reference)
            throw new RecordConflictException(
                $"The {entity} cannot be deleted: {reference.Entity} records refer to it through '{reference.Field}' (onDelete: restrict).", reference.Entity);

        foreach (var (child, field) in DeleteCascade.References(runtime.Definitions, entity, DeleteBehavior.Cascade))
            await ForEachChildAsync(runtime, session, child, field, id, cascade, async childRow =>
            {
                if (!await _security.AllowsAsync(runtime, session, actor, child.Name, childRow, Privilege.Delete, ct))
                    throw new RecordForbiddenException(
                        $"You may not delete this {entity}: it would delete {child.Name} records you may not delete ({child.Name}.{field.Name}, onDelete: cascade).", child.Name);
                await DeleteClaimedAsync(runtime, session, child, childRow, actor, changes, cascade, ct);
            }, ct);

        foreach (var (child, field) in DeleteCascade.References(runtime.Definitions, entity, DeleteBehavior.SetNull))
            await ForEachChildAsync(runtime, session, child, field, id, cascade, async childRow =>
            {
                if (!await _security.AllowsAsync(runtime, session, actor, child.Name, childRow, Privilege.Update, ct))
                    throw new RecordForbiddenException(
                        $"You may not delete this {entity}: it would change {child.Name} records you may not update ({child.Name}.{field.Name}, onDelete: setNull).", child.Name);
                // A regular update (beforeSave, formulas, afterSave, audit), joining this transaction. The field is
                // cleared by the delete's rule, not chosen by the user, so field-level write restrictions do not apply.
                var patch = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object?> { [field.Name] = null });
                await UpdateCoreAsync(runtime, child.Name, (Guid)childRow[SystemFields.Id]!, patch, null, actor, checkFieldAccess: false, ct);
            }, ct);

        // The links other records hold to this one go with it (the junction's foreign key): each is an unlink of that
        // record, audited on it as an unlink through the API would be. (This record's own links end with its delete entry.)
        foreach (var source in runtime.Definitions.Entities)
            foreach (var relation in source.Relations.Where(r => r.Target == entity))
                foreach (var sourceId in await runtime.Store.LinkingIdsAsync(session, Storage.Physical.IdentifierNames.Junction(source.Name, relation.Name), id, ct))
                    if (!cascade.IsDeleting(source.Name, sourceId))
                        await _audit.WriteAsync(runtime, session, LinkEvent(UnlinkAction, actor, source.Name, sourceId, relation.Name, entity, id), ct);

        var change = new RecordChange(runtime, entity, id, RecordChangeKind.Deleted, row, null, actor);
        foreach (var handler in _handlers) await handler.OnWritingAsync(change, session, ct);
        // No version check: the row is claimed. (It may already be gone when a cycle of cascading lookups let the
        // database's own foreign key take it; its entry above still tells the truth.)
        await runtime.Store.DeleteAsync(session, entity, id, null, ct);
        await RecordShares.RemoveAllAsync(runtime, session, entity, id, ct);
        if (hooks is not null) await hooks.AfterDeleteAsync(this, runtime, definition, row, actor, ct);
        changes.Add(change);
    }

    /// <summary>
    /// Runs <paramref name="each"/> on every record of <paramref name="child"/> whose lookup points at the parent and
    /// that this delete does not delete anyway, read fresh (an earlier child's hooks may have changed it).
    /// </summary>
    private static async Task ForEachChildAsync(
        TenantRuntime runtime, RecordSession session, EntityDefinition child, FieldDefinition field, Guid parentId, DeleteCascade cascade,
        Func<Dictionary<string, object?>, Task> each, CancellationToken ct)
    {
        var done = new HashSet<Guid>();
        while (true)
        {
            var page = await runtime.Store.QueryAsync(session, new RecordQuery(child.Name)
            {
                Filter = new ComparisonNode(field.Name, ComparisonOperator.Eq, parentId), Select = [SystemFields.Id], Top = ChildrenPerRead + done.Count,
            }, ct);
            var pending = page.Rows.Select(r => (Guid)r[SystemFields.Id]!).Where(i => !done.Contains(i) && !cascade.IsDeleting(child.Name, i)).ToList();
            if (pending.Count == 0) return;
            foreach (var childId in pending)
            {
                done.Add(childId);
                if (await runtime.Store.GetAsync(session, child.Name, childId, ct) is { } row) await each(row);
            }
        }
    }
}
