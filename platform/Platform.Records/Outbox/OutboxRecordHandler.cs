using Platform.Records.Events;
using Platform.Storage.Records;

namespace Platform.Records.Outbox;

/// <summary>
/// Writes an outbox event for every record write inside the write's transaction (a rolled-back write leaves none) and
/// wakes the dispatcher once the write committed.
/// </summary>
public sealed class OutboxRecordHandler(OutboxSignal signal) : IRecordEventHandler
{
    public Task OnWritingAsync(RecordChange change, RecordSession session, CancellationToken ct) => OutboxWriter.AppendAsync(session, [change], ct);

    public Task OnWritingManyAsync(IReadOnlyList<RecordChange> changes, RecordSession session, CancellationToken ct) =>
        OutboxWriter.AppendAsync(session, changes, ct);

    public Task OnWrittenAsync(RecordChange change, CancellationToken ct)
    {
        signal.Notify(change.Tenant);
        return Task.CompletedTask;
    }
}
