namespace Platform.Storage.Physical;

/// <summary>The platform's own tables in every tenant database; they go through the same planner as entity tables.</summary>
public static class PlatformTables
{
    public const string SchemaHistory = "platform_schema_history";
    public const string Sequences = "platform_sequences";
    public const string Idempotency = "platform_idempotency";
    /// <summary>The append-only audit trail (see Platform.Audit): one row per record write or other audited event.</summary>
    public const string Audit = "platform_audit";
    /// <summary>Records shared with a user ("user:&lt;id&gt;") or a team ("team:&lt;name&gt;"); every share grants read, some update too.</summary>
    public const string RecordShares = "platform_record_shares";
    /// <summary>Script run reports (usage beside limits, logs, error), the last ones per script, for admins.</summary>
    public const string ScriptRuns = "platform_script_runs";
    /// <summary>
    /// Record-change events, written in the write's transaction and delivered after commit (see Platform.Records/Outbox):
    /// ids and changed field names only, never values.
    /// </summary>
    public const string Outbox = "platform_outbox";
    /// <summary>Which consumer has been handed which outbox event, so a retried delivery skips consumers that had it.</summary>
    public const string OutboxDeliveries = "platform_outbox_deliveries";

    public static IReadOnlyList<TableModel> All { get; } =
    [
        new(SchemaHistory,
        [
            new("version", ValueKind.Integer, typeof(long), false),
            new("applied_at", ValueKind.DateTime, typeof(DateTime), false),
            new("definitions_version", ValueKind.String, typeof(string), false, MaxLength: 64),
            new("definitions", ValueKind.String, typeof(string), false),
            new("plan", ValueKind.String, typeof(string), false),
            new("inverse", ValueKind.String, typeof(string), false),
        ], ["version"], [], []),
        new(Sequences,
        [
            new("name", ValueKind.String, typeof(string), false, MaxLength: 200),
            new("next_value", ValueKind.Integer, typeof(long), false),
        ], ["name"], [], []),
        new(Idempotency,
        [
            new("key", ValueKind.String, typeof(string), false, MaxLength: 200),
            new("request_hash", ValueKind.String, typeof(string), false, MaxLength: 64),
            new("status", ValueKind.Integer, typeof(long), false),
            new("location", ValueKind.String, typeof(string), true, MaxLength: 400),
            new("response", ValueKind.String, typeof(string), true),
            new("created_at", ValueKind.DateTime, typeof(DateTime), false),
        ], ["key"], [new IndexModel("ix_platform_idempotency_created_at", ["created_at"], false)], []),
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
        .. IdentityTables.All,
        new(RecordShares,
        [
            new("id", ValueKind.Guid, typeof(Guid), false),
            new("entity", ValueKind.String, typeof(string), false, MaxLength: 50),
            new("record_id", ValueKind.Guid, typeof(Guid), false),
            new("principal", ValueKind.String, typeof(string), false, MaxLength: 100),
            new("can_update", ValueKind.Boolean, typeof(bool), false),
            new("shared_at", ValueKind.DateTime, typeof(DateTime), false),
            new("shared_by", ValueKind.Guid, typeof(Guid), true),
        ], ["id"],
        [
            // One share per record and principal; the list filter looks shares up by entity and principal.
            new IndexModel("ux_platform_record_shares_record", ["entity", "record_id", "principal"], true),
            new IndexModel("ix_platform_record_shares_principal", ["entity", "principal", "record_id"], false),
        ], []),
        new(ScriptRuns,
        [
            new("id", ValueKind.String, typeof(string), false, MaxLength: 36),
            new("script", ValueKind.String, typeof(string), false, MaxLength: 400),
            new("hash", ValueKind.String, typeof(string), false, MaxLength: 64),
            new("started_at_ms", ValueKind.Integer, typeof(long), false),
            new("elapsed_us", ValueKind.Integer, typeof(long), false),
            new("statements", ValueKind.Integer, typeof(long), false),
            new("crm_queries", ValueKind.Integer, typeof(long), false),
            new("crm_writes", ValueKind.Integer, typeof(long), false),
            new("allocated_bytes", ValueKind.Integer, typeof(long), false),
            new("limits", ValueKind.String, typeof(string), false),
            new("error", ValueKind.String, typeof(string), true),
            new("logs", ValueKind.String, typeof(string), true),
        ], ["id"], [new IndexModel("ix_platform_script_runs_script", ["script", "started_at_ms"], false)], []),
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
