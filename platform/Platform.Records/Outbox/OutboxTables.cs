using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Records.Outbox;

/// <summary>
/// Record-change events, written in the write's transaction and delivered after commit: ids and changed field names
/// only, never values; and which consumer has been handed which event, so a retried delivery skips consumers that had it.
/// </summary>
public sealed class OutboxTables : IPlatformTables
{
    public const string Outbox = "platform_outbox";
    public const string OutboxDeliveries = "platform_outbox_deliveries";

    public static OutboxTables Instance { get; } = new();

    public IReadOnlyList<TableModel> Tables { get; } =
    [
        new(Outbox,
        [
            new("id", ValueKind.Guid, typeof(Guid), false),
            new("occurred_at", ValueKind.DateTime, typeof(DateTime), false),
            new("entity", ValueKind.String, typeof(string), false, MaxLength: 100),
            new("record_id", ValueKind.Guid, typeof(Guid), false),
            new("kind", ValueKind.String, typeof(string), false, MaxLength: 20),
            // JSON array of the names of the fields the write changed (no values).
            new("changed_fields", ValueKind.String, typeof(string), false),
            new("actor_id", ValueKind.Guid, typeof(Guid), true),
            new("attempts", ValueKind.Integer, typeof(long), false),
            new("next_attempt_at", ValueKind.DateTime, typeof(DateTime), false),
            // A dispatcher's lease: another host does not claim the event before it runs out.
            new("claimed_until", ValueKind.DateTime, typeof(DateTime), true),
            new("last_error", ValueKind.String, typeof(string), true),
            new("dispatched_at", ValueKind.DateTime, typeof(DateTime), true),
        ], ["id"],
        [
            // Pending events (dispatched_at null) in id order, and the purge of old dispatched ones.
            new IndexModel("ix_platform_outbox_dispatched_at", ["dispatched_at", "id"], false),
        ], []),
        new(OutboxDeliveries,
        [
            new("event_id", ValueKind.Guid, typeof(Guid), false),
            new("consumer", ValueKind.String, typeof(string), false, MaxLength: 200),
            new("delivered_at", ValueKind.DateTime, typeof(DateTime), false),
        ], ["event_id", "consumer"], [], []),
    ];
}
