using Platform.Metadata.FieldTypes;

namespace Platform.Storage.Physical;

/// <summary>Storage's own platform tables: the schema history the planner reads and the autonumber sequences.</summary>
public sealed class StorageTables : IPlatformTables
{
    public static StorageTables Instance { get; } = new();

    public IReadOnlyList<TableModel> Tables { get; } =
    [
        new(PlatformTables.SchemaHistory,
        [
            new("version", ValueKind.Integer, typeof(long), false),
            new("applied_at", ValueKind.DateTime, typeof(DateTime), false),
            new("definitions_version", ValueKind.String, typeof(string), false, MaxLength: 64),
            new("definitions", ValueKind.String, typeof(string), false),
            new("plan", ValueKind.String, typeof(string), false),
            new("inverse", ValueKind.String, typeof(string), false),
        ], ["version"], [], []),
        new(PlatformTables.Sequences,
        [
            new("name", ValueKind.String, typeof(string), false, MaxLength: 200),
            new("next_value", ValueKind.Integer, typeof(long), false),
        ], ["name"], [], []),
    ];
}
