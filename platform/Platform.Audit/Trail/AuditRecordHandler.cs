using Platform.Records.Events;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Audit.Trail;

/// <summary>
/// Writes an audit entry for every record create, update and delete of an entity whose "audit" switch is on,
/// inside the write's transaction.
/// </summary>
public sealed class AuditRecordHandler(TenantRuntimeCache runtimes) : IRecordEventHandler
{
    public Task OnWritingAsync(RecordChange change, RecordSession session, CancellationToken ct) => OnWritingManyAsync([change], session, ct);

    public async Task OnWritingManyAsync(IReadOnlyList<RecordChange> changes, RecordSession session, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        var runtime = await runtimes.GetAsync(changes[0].Tenant, ct)
                      ?? throw new InvalidOperationException($"Tenant '{changes[0].Tenant}' is gone while writing to it.");
        var entries = new List<AuditEntry>(changes.Count);
        var now = DateTime.UtcNow;
        foreach (var change in changes)
        {
            if (runtime.FindEntity(change.Entity) is not { IsAudited: true } entity) continue;
            var action = change.Kind switch
            {
                RecordChangeKind.Created => AuditActions.Create,
                RecordChangeKind.Updated => AuditActions.Update,
                _ => AuditActions.Delete,
            };
            entries.Add(new AuditEntry(Guid.CreateVersion7(now), now, action, change.Actor.UserId, NameOf(change.Actor), change.Actor.ClientAddress,
                change.Entity, change.Id, AuditChanges.Of(change, entity), null));
        }
        await AuditWriter.AppendAsync(runtime.Store, session, entries, ct);
    }

    internal static string? NameOf(Records.RecordActor actor) => actor.Name.Length > 0 ? actor.Name : null;
}
