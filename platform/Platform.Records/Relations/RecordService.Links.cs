using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Auditing;
using Platform.Records.Transactions;
using Platform.Records.Validation;
using Platform.Runtime;
using Platform.Storage.Physical;

namespace Platform.Records;

/// <summary>
/// Many-to-many links. Linking or unlinking changes the source record, so it needs the update privilege on the source
/// and sight (read) of the target; each link and unlink is audited in the transaction of the change (the caller's unit
/// of work when one is open). A link is a row of the relation's junction, not a change of either record's row: it is
/// audited on the source record but raises no record change (no outbox event), as a share does not.
/// </summary>
public sealed partial class RecordService
{
    public const string LinkAction = "link";
    public const string UnlinkAction = "unlink";

    /// <summary>How many links a related list answers.</summary>
    private const int MaxLinksListed = 1000;

    /// <summary>The records linked from a record the actor may read; linked records they may not read are left out.</summary>
    public async Task<IReadOnlyList<Dictionary<string, object?>>> LinkedAsync(
        TenantRuntime runtime, string entity, Guid id, string relation, RecordActor actor, CancellationToken ct)
    {
        var (junction, target) = Relation(runtime, entity, relation);
        var ids = await RecordScope.ReadAsync(runtime, async session =>
        {
            var row = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
            await _security.DemandAsync(runtime, session, actor, entity, id, row, Privilege.Read, ct);
            return await runtime.Store.LinkedIdsAsync(session, junction, id, MaxLinksListed, ct);
        }, ct);
        return await GetManyAsync(runtime, target, ids, null, actor, ct);
    }

    /// <summary>Links the target to the record; false when they were linked already (nothing is written then).</summary>
    public async Task<bool> LinkAsync(TenantRuntime runtime, string entity, Guid id, string relation, Guid targetId, RecordActor actor, CancellationToken ct)
    {
        var (junction, target) = Relation(runtime, entity, relation);
        await using var scope = RecordScope.Begin(runtime);
        var session = await scope.SessionAsync(ct);
        var row = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
        await _security.DemandAsync(runtime, session, actor, entity, id, row, Privilege.Update, ct);
        // A target the actor may not read answers as one that does not exist: linking must not confirm ids.
        if (await runtime.Store.GetAsync(session, target, targetId, ct) is not { } targetRow ||
            !await _security.AllowsAsync(runtime, session, actor, target, targetRow, Privilege.Read, ct))
            throw new RecordValidationException([new FieldError("/id", $"there is no {target} with id {targetId}")]);
        var created = await runtime.Store.LinkAsync(session, junction, id, targetId, ct);
        if (created) await _audit.WriteAsync(runtime, session, LinkEvent(LinkAction, actor, entity, id, relation, target, targetId), ct);
        await scope.CommitAsync([], ct);
        return created;
    }

    /// <summary>Removes a link; false when there was none, or none the actor may see (a target they may not read).</summary>
    public async Task<bool> UnlinkAsync(TenantRuntime runtime, string entity, Guid id, string relation, Guid targetId, RecordActor actor, CancellationToken ct)
    {
        var (junction, target) = Relation(runtime, entity, relation);
        await using var scope = RecordScope.Begin(runtime);
        var session = await scope.SessionAsync(ct);
        var row = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
        await _security.DemandAsync(runtime, session, actor, entity, id, row, Privilege.Update, ct);
        var readable = await runtime.Store.GetAsync(session, target, targetId, ct) is { } targetRow &&
                       await _security.AllowsAsync(runtime, session, actor, target, targetRow, Privilege.Read, ct);
        if (!readable || !await runtime.Store.UnlinkAsync(session, junction, id, targetId, ct)) return false;
        await _audit.WriteAsync(runtime, session, LinkEvent(UnlinkAction, actor, entity, id, relation, target, targetId), ct);
        await scope.CommitAsync([], ct);
        return true;
    }

    /// <summary>The target entity of a many-to-many relation (not found when the entity has no such relation).</summary>
    public static string RelationTarget(TenantRuntime runtime, string entity, string relation) => Relation(runtime, entity, relation).Target;

    private static (string Junction, string Target) Relation(TenantRuntime runtime, string entity, string relation)
    {
        var definition = Entity(runtime, entity);
        var found = definition.Relations.FirstOrDefault(r => r.Name == relation) ?? throw new RecordNotFoundException($"{entity}/{relation}", null);
        return (IdentifierNames.Junction(entity, relation), found.Target);
    }

    internal static AuditEvent LinkEvent(string action, RecordActor actor, string entity, Guid id, string relation, string target, Guid targetId) =>
        new(action, actor, entity, id, new Dictionary<string, object?> { ["relation"] = relation, ["target"] = target, ["targetId"] = targetId });
}
