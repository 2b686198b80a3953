using Platform.Metadata.Definitions;
using Platform.Records;
using Platform.Records.Auditing;
using Platform.Records.Security;
using Platform.Storage.Schema;

namespace Platform.Audit.Trail;

/// <summary>
/// One "security-definition-changed" entry per role, team or business unit an apply adds, changes or removes
/// (<see cref="SecurityDefinitionChanges"/>), by the platform (system), written in the apply's transaction.
/// </summary>
public sealed class SecurityDefinitionAudit : ISchemaChangeAudit
{
    public string Table => AuditTables.Audit;

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> RowsFor(DefinitionSet? before, DefinitionSet after) =>
        SecurityDefinitionChanges.Between(before, after)
            .Select(change => AuditRows.ToRow(DatabaseAuditLog.ToEntry(new AuditEvent(SecurityDefinitionChanges.Action, RecordActor.System,
                Details: new Dictionary<string, object?> { ["kind"] = change.Kind, ["name"] = change.Name, ["change"] = change.What }))))
            .ToList();
}
