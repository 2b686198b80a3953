using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Events;
using Platform.Records.Transactions;
using Platform.Records.Validation;
using Platform.Records.Writing;
using Platform.Runtime;

namespace Platform.Records;

public sealed partial class RecordService
{
    /// <summary>
    /// Creates a record owned by another user in one write through the pipeline: what creating it and then assigning it
    /// would do — the create privilege, and the assign privilege on a record the actor would own — but with one insert,
    /// one "create" audit entry and one created event carrying the owner, so no observer sees it owned by the actor first.
    /// </summary>
    public async Task<Dictionary<string, object?>> CreateOwnedAsync(TenantRuntime runtime, string entity, JsonElement body, Guid owner, RecordActor actor, CancellationToken ct)
    {
        if (owner == actor.UserId) return (await CreateAsync(runtime, entity, body, actor, null, ct)).Record!;
        var definition = Entity(runtime, entity);
        var user = _security.Directory is { } directory ? await directory.FindAsync(runtime, owner, ct) : null;
        if (user is not { IsActive: true })
            throw new RecordValidationException([new FieldError("/owner", $"there is no active user with id {owner}")]);
        IReadOnlyList<RecordChange> committed;
        RecordWrite write;
        await using (var scope = RecordScope.Begin(runtime))
        {
            var session = await scope.SessionAsync(ct);
            var asCreated = new Dictionary<string, object?>
            {
                [SystemFields.Id] = Guid.Empty, [SystemFields.Owner] = actor.UserId, [SystemFields.OwningBusinessUnit] = actor.BusinessUnit,
            };
            if (!await _security.AllowsAsync(runtime, session, actor, entity, asCreated, Privilege.Assign, ct))
                throw new RecordForbiddenException($"You may not assign {entity} records.");
            write = new RecordWrite(RecordChangeKind.Created, null, body, "") { Owner = new RecordOwner(owner, user.BusinessUnit) };
            var batch = new RecordWriteBatch(this, runtime, definition, actor, scope, [write], []);
            await _writer.WriteAsync(batch, ct);
            committed = await scope.CommitAsync(batch.Changes, ct);
        }
        await PublishAsync(committed, ct);
        return Visible(runtime, actor, definition, (Dictionary<string, object?>)write.Change!.After!);
    }
}
