using Platform.Metadata.Definitions;

namespace Platform.Storage.Schema;

/// <summary>
/// The audit entries a definitions change earns (roles, teams, business units added, changed or removed), as rows of
/// the tenant's audit table. <see cref="SchemaApplier"/> writes them in the apply's own transaction, so every path that
/// applies modules — CLI, operator API, host start — records them, and a refused or failed apply records nothing.
/// </summary>
public interface ISchemaChangeAudit
{
    /// <summary>The platform table the rows go to (declared by the feature that implements this).</summary>
    string Table { get; }

    IReadOnlyList<IReadOnlyDictionary<string, object?>> RowsFor(DefinitionSet? before, DefinitionSet after);
}
