using Platform.Records.Events;

namespace Platform.Records.Outbox;

/// <summary>
/// A committed record change as the outbox keeps it: ids and the names of the changed fields, never values (a consumer
/// reads the record through the record service, under its own actor, so encrypted and personal values stay where they are).
/// </summary>
/// <param name="ChangedFields">The fields an update changed (system fields such as modified_at included); empty for a create or delete, which concern every field.</param>
public sealed record OutboxEvent(
    Guid Id, DateTime OccurredAt, string Entity, Guid RecordId, RecordChangeKind Kind, IReadOnlyList<string> ChangedFields, Guid? ActorId, int Attempts);
