using Platform.Records.Events;
using Platform.Records.Outbox;

namespace Platform.Api.Outbox;

/// <summary>An outbox event as the admin routes answer it: ids and field names only (the outbox holds no values).</summary>
internal static class OutboxEntryJson
{
    public static object Of(OutboxEntry entry, IReadOnlyList<string> consumers) => new
    {
        id = entry.Event.Id, status = entry.Status, occurredAt = entry.Event.OccurredAt, entity = entry.Event.Entity, recordId = entry.Event.RecordId,
        kind = OutboxKinds.Name(entry.Event.Kind), changedFields = entry.Event.ChangedFields, actorId = entry.Event.ActorId,
        attempts = entry.Event.Attempts, lastError = entry.LastError, consumer = entry.FailedConsumer,
        nextAttemptAt = entry.Status == OutboxEntry.Pending ? entry.NextAttemptAt : (DateTime?)null,
        deliveredTo = entry.DeliveredTo,
        // Who still has to get it: what a re-queue will run (the others are skipped).
        pendingConsumers = entry.Status == "dispatched" ? [] : consumers.Where(c => !entry.DeliveredTo.Contains(c)).ToList(),
    };
}
