using Platform.Records.Events;
using Platform.Storage.Records;

namespace Platform.Audit.Trail;

/// <summary>
/// Writes an audit entry for every record create, update and delete of an entity whose "audit" switch is on,
/// inside the write's transaction.
/// </summary>
public sealed class AuditRecordHandler : IRecordEventHandler
{
    public Task OnWritingAsync(RecordChange change, RecordSession session, CancellationToken ct) => OnWritingManyAsync([change], session, ct);

    public Task OnWritingManyAsync(IReadOnlyList<RecordChange> changes, RecordSession session, CancellationToken ct)
    {
        if (changes.Count == 0) return Task.CompletedTask;
        var runtime = changes[0].Runtime;
        var rows = new List<IReadOnlyDictionary<string, object?>>(changes.Count);
        var now = DateTime.UtcNow;
        // The changes go straight to JSON text: a bulk write's thousand entries build no node trees.
        using var json = new AuditChangesWriter();
        foreach (var change in changes)
        {
            if (runtime.FindEntity(change.Entity) is not { IsAudited: true } entity) continue;
            var action = change.Kind switch
            {
                RecordChangeKind.Created => AuditActions.Create,
                RecordChangeKind.Updated => AuditActions.Update,
                _ => AuditActions.Delete,
            };
            var entry = new AuditEntry(Guid.CreateVersion7(now), now, action, change.Actor.UserId, NameOf(change.Actor), change.Actor.ClientAddress,
                change.Entity, change.Id, null, null);
            rows.Add(AuditRows.ToRow(entry, json.Write(change, entity)));
        }
        return AuditWriter.AppendRowsAsync(runtime.Store, session, rows, ct);
    }

    internal static string? NameOf(Records.RecordActor actor) => actor.Name.Length > 0 ? actor.Name : null;
}
