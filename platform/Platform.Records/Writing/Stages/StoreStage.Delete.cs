using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Events;
using Platform.Records.Security;
using Platform.Storage.Records;

namespace Platform.Records.Writing.Stages;

/// <summary>
/// A delete with what its lookups' onDelete rules take along. Cascade children are deleted and setNull children
/// cleared here, in the delete's transaction — each checked against the deleter's delete (or update) privilege and
/// run through the stages as a write of its own (hooks, audit entry, outbox event, share clean-up) — instead of by
/// the database, which would do it unseen (its foreign keys only back this up). A child out of the deleter's reach
/// refuses the whole delete (403 naming its entity). Links other records hold to a deleted record are audited as
/// unlinks of those records.
/// </summary>
public sealed partial class StoreStage
{
    /// <summary>How many children of one lookup a delete reads at once (it repeats until none is left).</summary>
    private const int ChildrenPerRead = 500;

    private async Task DeleteAsync(RecordWriteBatch batch, RecordWrite write, CancellationToken ct)
    {
        var runtime = batch.Runtime;
        var session = await batch.SessionAsync(ct);
        var actor = batch.Actor;
        var entity = batch.Entity.Name;
        var id = write.Id!.Value;
        var cascade = batch.Cascade!;

        foreach (var (child, field) in DeleteCascade.References(runtime.Definitions, entity, DeleteBehavior.Cascade))
            await ForEachChildAsync(batch, child, field, id, async childRow =>
            {
                if (!await security.AllowsAsync(runtime, session, actor, child.Name, childRow, Privilege.Delete, ct))
                    throw new RecordForbiddenException(
                        $"You may not delete this {entity}: it would delete {child.Name} records you may not delete ({child.Name}.{field.Name}, onDelete: cascade).", child.Name);
                var childWrite = new RecordWrite(RecordChangeKind.Deleted, (Guid)childRow[SystemFields.Id]!, default, "") { Claimed = true, Previous = childRow };
                await batch.Writer.WriteAsync(new RecordWriteBatch(batch.Records, runtime, child, actor, batch.Scope, [childWrite], batch.Changes) { Cascade = cascade }, ct);
            }, ct);

        foreach (var (child, field) in DeleteCascade.References(runtime.Definitions, entity, DeleteBehavior.SetNull))
            await ForEachChildAsync(batch, child, field, id, async childRow =>
            {
                if (!await security.AllowsAsync(runtime, session, actor, child.Name, childRow, Privilege.Update, ct))
                    throw new RecordForbiddenException(
                        $"You may not delete this {entity}: it would change {child.Name} records you may not update ({child.Name}.{field.Name}, onDelete: setNull).", child.Name);
                // A regular update (beforeSave, formulas, afterSave, audit, outbox), joining this transaction. The field is
                // cleared by the delete's rule, not chosen by the user, so field-level write restrictions do not apply.
                var patch = JsonSerializer.SerializeToElement(new Dictionary<string, object?> { [field.Name] = null });
                await batch.Records.UpdateOnBehalfAsync(runtime, child.Name, (Guid)childRow[SystemFields.Id]!, patch, actor, ct);
            }, ct);

        // The links other records hold to this one go with it (the junction's foreign key): each is an unlink of that
        // record, audited on it as an unlink through the API would be. (This record's own links end with its delete entry.)
        foreach (var source in runtime.Definitions.Entities)
            foreach (var relation in source.Relations)
            {
                if (relation.Target != entity) continue;
                foreach (var sourceId in await runtime.Store.LinkingIdsAsync(session, Storage.Physical.IdentifierNames.Junction(source.Name, relation.Name), id, ct))
                    if (!cascade.IsDeleting(source.Name, sourceId))
                        await audit.WriteAsync(runtime, session, RecordService.LinkEvent(RecordService.UnlinkAction, actor, source.Name, sourceId, relation.Name, entity, id), ct);
            }

        // No version check: the row is claimed. (It may already be gone when a cycle of cascading lookups let the
        // database's own foreign key take it; its change still tells the truth.)
        await runtime.Store.DeleteAsync(session, entity, id, null, ct);
        await RecordShares.RemoveAllAsync(runtime, session, entity, id, ct);
        Stored(batch, write, new RecordChange(runtime, entity, id, RecordChangeKind.Deleted, write.Previous, null, actor));
    }

    /// <summary>
    /// Runs <paramref name="each"/> on every record of <paramref name="child"/> whose lookup points at the parent and
    /// that this delete does not delete anyway, read fresh (an earlier child's hooks may have changed it).
    /// </summary>
    private static async Task ForEachChildAsync(
        RecordWriteBatch batch, EntityDefinition child, FieldDefinition field, Guid parentId, Func<Dictionary<string, object?>, Task> each, CancellationToken ct)
    {
        var store = batch.Runtime.Store;
        var session = await batch.SessionAsync(ct);
        var done = new HashSet<Guid>();
        while (true)
        {
            var page = await store.QueryAsync(session, new RecordQuery(child.Name)
            {
                Filter = new ComparisonNode(field.Name, ComparisonOperator.Eq, parentId), Select = [SystemFields.Id], Top = ChildrenPerRead + done.Count,
            }, ct);
            var pending = page.Rows.Select(r => (Guid)r[SystemFields.Id]!).Where(i => !done.Contains(i) && !batch.Cascade!.IsDeleting(child.Name, i)).ToList();
            if (pending.Count == 0) return;
            foreach (var childId in pending)
            {
                done.Add(childId);
                if (await store.GetAsync(session, child.Name, childId, ct) is { } row) await each(row);
            }
        }
    }
}
