using Platform.Storage.Records;

namespace Platform.Records.Events;

/// <summary>
/// Subscribes to record writes. <see cref="OnWritingAsync"/> runs inside the write's transaction (validation hooks,
/// audit rows: an exception rolls everything back); <see cref="OnWrittenAsync"/> runs after commit (workflow
/// triggers, notifications). Register implementations in DI; the record service calls them in order.
/// </summary>
public interface IRecordEventHandler
{
    Task OnWritingAsync(RecordChange change, RecordSession session, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The records one statement batch created (a bulk create of up to 1,000): a handler that writes rows (audit)
    /// overrides this to write them in a few statements instead of one per record.
    /// </summary>
    async Task OnWritingManyAsync(IReadOnlyList<RecordChange> changes, RecordSession session, CancellationToken ct)
    {
        foreach (var change in changes) await OnWritingAsync(change, session, ct);
    }

    Task OnWrittenAsync(RecordChange change, CancellationToken ct) => Task.CompletedTask;
}
