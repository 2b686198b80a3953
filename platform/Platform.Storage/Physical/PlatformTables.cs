namespace Platform.Storage.Physical;

/// <summary>The platform's own tables in every tenant database; they go through the same planner as entity tables.</summary>
public static class PlatformTables
{
    public const string SchemaHistory = "platform_schema_history";
    public const string Sequences = "platform_sequences";
    public const string Idempotency = "platform_idempotency";
    /// <summary>Records shared with a user ("user:&lt;id&gt;") or a team ("team:&lt;name&gt;"); every share grants read, some update too.</summary>
    public const string RecordShares = "platform_record_shares";

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
    ];
}
