using System.Text.Json.Nodes;

namespace Platform.Audit.Trail;

/// <summary>
/// One row of the append-only audit trail. <see cref="Changes"/> maps a field name to {"old": ..., "new": ...}
/// (only "new" on create, only "old" on delete); <see cref="Details"/> carries anything else an event has.
/// </summary>
public sealed record AuditEntry(
    Guid Id,
    DateTime OccurredAt,
    string Action,
    Guid? ActorId,
    string? ActorName,
    string? ClientAddress,
    string? Entity,
    Guid? RecordId,
    JsonObject? Changes,
    JsonObject? Details);
