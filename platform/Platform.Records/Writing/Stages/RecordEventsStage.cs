using Platform.Metadata.Definitions;
using Platform.Records.Events;

namespace Platform.Records.Writing.Stages;

/// <summary>
/// Last: hands the stored changes to the record event handlers (<see cref="IRecordEventHandler"/>, in registration
/// order: the audit trail, then the outbox, then whatever a feature adds) inside the write's transaction, so a write
/// that rolls back leaves neither its audit entries nor its outbox events. A batch goes to them at once, so they write
/// it in a few statements.
/// </summary>
public sealed class RecordEventsStage(IReadOnlyList<IRecordEventHandler> handlers) : IRecordWriteStage
{
    public int Order => RecordWriteStageOrder.Events;

    public bool AppliesTo(EntityDefinition entity) => handlers.Count > 0;

    public async Task RunAsync(RecordWriteBatch batch, CancellationToken ct)
    {
        var session = await batch.SessionAsync(ct);
        if (batch.Writes.Count == 1)
        {
            if (batch.Writes[0].Change is not { } change) return;
            foreach (var handler in handlers) await handler.OnWritingAsync(change, session, ct);
            return;
        }
        var changes = new List<RecordChange>(batch.Writes.Count);
        foreach (var write in batch.Writes)
            if (write.Change is { } change) changes.Add(change);
        foreach (var handler in handlers) await handler.OnWritingManyAsync(changes, session, ct);
    }
}
