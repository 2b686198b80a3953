using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Auditing;
using Platform.Records.Events;
using Platform.Records.Security;
using Platform.Records.Validation;
using Platform.Records.Writing;
using Platform.Runtime;

namespace Platform.Records;

/// <summary>Assignment and sharing, and the field-security helpers of the read and write paths.</summary>
public sealed partial class RecordService
{
    /// <summary>The actor's effective privileges and field access on an entity (for the metadata API and clients).</summary>
    public static EntityAccess AccessOf(TenantRuntime runtime, RecordActor actor, string entity)
    {
        Entity(runtime, entity);
        return RecordSecurity.Access(runtime, actor, entity);
    }

    /// <summary>
    /// Gives a record to another user (assign privilege): the owner changes and the owning business unit follows the
    /// new owner's. Raises an update event and writes an "assign" audit entry.
    /// </summary>
    public async Task<Dictionary<string, object?>> AssignAsync(TenantRuntime runtime, string entity, Guid id, Guid newOwner, RecordActor actor, CancellationToken ct)
    {
        var definition = Entity(runtime, entity);
        var user = _security.Directory is { } directory ? await directory.FindAsync(runtime, newOwner, ct) : null;
        if (user is not { IsActive: true })
            throw new RecordValidationException([new FieldError("/owner", $"there is no active user with id {newOwner}")]);

        RecordChange change;
        IReadOnlyList<RecordChange> committed;
        // The change and its audit entry commit together, and join the caller's unit of work when one is open (an
        // action's crm call), as every record write does.
        await using (var scope = Transactions.RecordScope.Begin(runtime))
        {
            var session = await scope.SessionAsync(ct);
            var before = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
            await _security.DemandAsync(runtime, session, actor, entity, id, before, Privilege.Assign, ct);
            var values = new Dictionary<string, object?>
            {
                [SystemFields.Owner] = newOwner, [SystemFields.OwningBusinessUnit] = user.BusinessUnit,
                [SystemFields.ModifiedAt] = DateTime.UtcNow, [SystemFields.ModifiedBy] = actor.UserId,
            };
            if (!await runtime.Store.UpdateAsync(session, entity, id, values, (long)before[SystemFields.RowVersion]!, ct))
                throw new RecordConcurrencyException(entity, id, (long)before[SystemFields.RowVersion]!, null);
            var after = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
            change = new RecordChange(runtime, entity, id, RecordChangeKind.Updated, before, after, actor);
            // Not a write through the stages (no scripts run, no values are checked), but a record change all the same:
            // its audit entry, outbox event and any other observer's work happen in its transaction.
            var write = new RecordWrite(RecordChangeKind.Updated, id, default, "") { Previous = before, Change = change };
            await _writer.ObserveAsync(new RecordWriteBatch(this, runtime, definition, actor, scope, [write], []), ct);
            await _audit.WriteAsync(runtime, session, new AuditEvent("assign", actor, entity, id, new Dictionary<string, object?>
            {
                ["from"] = before[SystemFields.Owner], ["to"] = newOwner,
            }), ct);
            committed = await scope.CommitAsync([change], ct);
        }
        await PublishAsync(committed, ct);
        return Visible(runtime, actor, definition, (Dictionary<string, object?>)change.After!);
    }

    /// <summary>
    /// Shares a record with a user or team (share privilege); every share grants read, <paramref name="canUpdate"/>
    /// update too. A share grants only what the sharer holds on the record: update only when they may update it.
    /// Joins the caller's unit of work when one is open. A share changes who may see the record, not the record: it is
    /// audited, but raises no record change (no outbox event).
    /// </summary>
    public async Task ShareAsync(TenantRuntime runtime, string entity, Guid id, SharePrincipal principal, bool canUpdate, RecordActor actor, CancellationToken ct)
    {
        Entity(runtime, entity);
        await CheckPrincipalAsync(runtime, principal, ct);
        await using var scope = Transactions.RecordScope.Begin(runtime);
        var session = await scope.SessionAsync(ct);
        var row = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
        // Read first: a sharer who may not read the record cannot hand out sight of it (and learns nothing of it).
        await _security.DemandAsync(runtime, session, actor, entity, id, row, Privilege.Read, ct);
        await _security.DemandAsync(runtime, session, actor, entity, id, row, Privilege.Share, ct);
        if (canUpdate && !await _security.AllowsAsync(runtime, session, actor, entity, row, Privilege.Update, ct))
            throw new RecordForbiddenException($"You may not share update rights on this {entity}: you may not update it yourself.");
        await RecordShares.SaveAsync(runtime, session, entity, id, principal, canUpdate, actor, ct);
        await _audit.WriteAsync(runtime, session, new AuditEvent("share", actor, entity, id, new Dictionary<string, object?>
        {
            ["principal"] = principal.Key, ["rights"] = canUpdate ? "read,update" : "read",
        }), ct);
        await scope.CommitAsync([], ct);
    }

    /// <summary>Revokes a share (share privilege); not found when the record was not shared with the principal.</summary>
    public async Task UnshareAsync(TenantRuntime runtime, string entity, Guid id, SharePrincipal principal, RecordActor actor, CancellationToken ct)
    {
        Entity(runtime, entity);
        await using var scope = Transactions.RecordScope.Begin(runtime);
        var session = await scope.SessionAsync(ct);
        var row = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
        await _security.DemandAsync(runtime, session, actor, entity, id, row, Privilege.Share, ct);
        if (!await RecordShares.RemoveAsync(runtime, session, entity, id, principal, ct))
            throw new RecordNotFoundException($"{entity}/{id}/share/{principal.Kind}/{principal.Name}", null);
        await _audit.WriteAsync(runtime, session, new AuditEvent("unshare", actor, entity, id, new Dictionary<string, object?> { ["principal"] = principal.Key }), ct);
        await scope.CommitAsync([], ct);
    }

    /// <summary>Refuses unless the actor holds the privilege on the record (not found when they may not read it, else forbidden).</summary>
    public async Task DemandAsync(TenantRuntime runtime, string entity, Guid id, Privilege privilege, RecordActor actor, CancellationToken ct)
    {
        Entity(runtime, entity);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        var row = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
        await _security.DemandAsync(runtime, session, actor, entity, id, row, privilege, ct);
    }

    /// <summary>The shares of a record the actor may read.</summary>
    public async Task<IReadOnlyList<RecordShares.Share>> SharesAsync(TenantRuntime runtime, string entity, Guid id, RecordActor actor, CancellationToken ct)
    {
        Entity(runtime, entity);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        var row = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
        await _security.DemandAsync(runtime, session, actor, entity, id, row, Privilege.Read, ct);
        return await RecordShares.ListAsync(runtime, session, entity, id, ct);
    }

    private async Task CheckPrincipalAsync(TenantRuntime runtime, SharePrincipal principal, CancellationToken ct)
    {
        var known = principal.Kind switch
        {
            SharePrincipal.TeamKind => runtime.Definitions.Teams.ContainsKey(principal.Name),
            SharePrincipal.UserKind => Guid.TryParse(principal.Name, out var user) && _security.Directory is { } directory &&
                                       await directory.FindAsync(runtime, user, ct) is { IsActive: true },
            _ => false,
        };
        if (!known) throw new RecordValidationException([new FieldError($"/{principal.Kind}", $"there is no {principal.Kind} '{principal.Name}'")]);
    }

    /// <summary>A copy of a written row as the actor may see it (the original goes to event handlers unmasked).</summary>
    private static Dictionary<string, object?> Visible(TenantRuntime runtime, RecordActor actor, EntityDefinition definition, Dictionary<string, object?> row)
    {
        var access = RecordSecurity.Access(runtime, actor, definition.Name);
        if (access.RestrictedFields.Count == 0) return row;
        var copy = new Dictionary<string, object?>(row, StringComparer.Ordinal);
        RecordSecurity.ApplyFieldSecurity(definition, access, copy);
        return copy;
    }
}
