using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Platform.Metadata.Definitions;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// The difference between what a tenant database has and what the definitions ask for, as EF Core migration
/// operations, the SQL the provider generates for them, and the issues that decide whether it may be applied.
/// </summary>
public sealed record SchemaPlan(
    TenantDatabase Database,
    SchemaHistoryEntry? Current,
    DefinitionSet Target,
    IReadOnlyList<MigrationOperation> Operations,
    IReadOnlyList<string> Statements,
    IReadOnlyList<PlanIssue> Issues,
    IReadOnlyList<MigrationOperation> InverseOperations)
{
    /// <summary>True when the database already matches the definitions.</summary>
    public bool IsEmpty => Operations.Count == 0;

    public bool RequiresDataLossConsent => Issues.Any(i => i.Kind == PlanIssueKind.DataLoss);

    public bool IsBlocked => Issues.Any(i => i.Kind == PlanIssueKind.Blocking);
}
