using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Records.Security;

/// <summary>Records shared with a user ("user:&lt;id&gt;") or a team ("team:&lt;name&gt;"); every share grants read, some update too.</summary>
public sealed class ShareTables : IPlatformTables
{
    public const string RecordShares = "platform_record_shares";

    public IReadOnlyList<TableModel> Tables { get; } =
    [
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
