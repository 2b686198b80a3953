using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Audit.Trail;

/// <summary>The append-only audit trail: one row per record write or other audited event.</summary>
public sealed class AuditTables : IPlatformTables
{
    public const string Audit = "platform_audit";

    public IReadOnlyList<TableModel> Tables { get; } =
    [
        new(Audit,
        [
            new("id", ValueKind.Guid, typeof(Guid), false),
            new("occurred_at", ValueKind.DateTime, typeof(DateTime), false),
            new("action", ValueKind.String, typeof(string), false, MaxLength: 100),
            new("actor_id", ValueKind.Guid, typeof(Guid), true),
            new("actor_name", ValueKind.String, typeof(string), true, MaxLength: 200),
            new("client_address", ValueKind.String, typeof(string), true, MaxLength: 100),
            new("entity", ValueKind.String, typeof(string), true, MaxLength: 100),
            new("record_id", ValueKind.Guid, typeof(Guid), true),
            // JSON: field name to {"old": ..., "new": ...} (only "new" on create, only "old" on delete).
            new("changes", ValueKind.String, typeof(string), true),
            // JSON object of anything else the event carries.
            new("details", ValueKind.String, typeof(string), true),
        ], ["id"],
        [
            // A record's timeline, and the admin list by time, by action and by user, all newest first.
            new IndexModel("ix_platform_audit_record", ["entity", "record_id", "occurred_at"], false),
            new IndexModel("ix_platform_audit_occurred_at", ["occurred_at"], false),
            new IndexModel("ix_platform_audit_action", ["action", "occurred_at"], false),
            new IndexModel("ix_platform_audit_actor", ["actor_id", "occurred_at"], false),
        ], []),
    ];
}
