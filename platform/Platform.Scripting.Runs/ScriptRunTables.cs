using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Scripting.Runs;

/// <summary>Script run reports (usage beside limits, logs, error), the last ones per script, for admins.</summary>
public sealed class ScriptRunTables : IPlatformTables
{
    public const string ScriptRuns = "platform_script_runs";

    public IReadOnlyList<TableModel> Tables { get; } =
    [
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
