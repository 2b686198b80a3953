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

    Task OnWrittenAsync(RecordChange change, CancellationToken ct) => Task.CompletedTask;
}
