namespace Platform.Storage.Physical;

/// <summary>The platform's own tables in every tenant database; they go through the same planner as entity tables.</summary>
public static class PlatformTables
{
    public const string SchemaHistory = "platform_schema_history";
    public const string Sequences = "platform_sequences";
    public const string Idempotency = "platform_idempotency";
    /// <summary>Script run reports (usage beside limits, logs, error), the last ones per script, for admins.</summary>
    public const string ScriptRuns = "platform_script_runs";

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
    ];
}
