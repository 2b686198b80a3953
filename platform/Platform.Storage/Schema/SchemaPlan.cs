using System.Text;
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
    /// <summary>The renames carried out explicitly before the diff.</summary>
    public DefinitionRenames Renames { get; init; } = DefinitionRenames.None;

    /// <summary>The SQL that applying the current definitions again would run afterwards (kept in the history row).</summary>
    public IReadOnlyList<string> InverseStatements { get; init; } = [];

    /// <summary>True when the database already matches the definitions.</summary>
    public bool IsEmpty => Operations.Count == 0;

    /// <summary>
    /// True when the definitions differ from the applied ones even if no table changes (a role, a script, a label):
    /// applying still records them, or the tenant would keep serving the old ones.
    /// </summary>
    public bool DefinitionsChanged => Current?.Definitions.Version != Target.Version;

    public bool RequiresDataLossConsent => Issues.Any(i => i.Kind == PlanIssueKind.DataLoss);

    public bool IsBlocked => Issues.Any(i => i.Kind == PlanIssueKind.Blocking);

    /// <summary>The plan as a consultant reads it: issues first (with counts and sample keys), then the SQL.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(IsEmpty
            ? $"{Database}: up to date (definitions {Target.Version})."
            : $"{Database}: {Operations.Count} change{(Operations.Count == 1 ? "" : "s")} from {(Current is null ? "an empty database" : $"version {Current.Version}")} to definitions {Target.Version}.");
        foreach (var rename in Renames.Entities) text.AppendLine($"RENAME: {rename.From} -> {rename.To}");
        foreach (var rename in Renames.Fields) text.AppendLine($"RENAME: {rename.Entity}.{rename.From} -> {rename.Entity}.{rename.To}");
        foreach (var issue in Issues) text.AppendLine(issue.ToString());
        foreach (var statement in Statements) text.AppendLine(statement.TrimEnd().EndsWith(';') ? statement : statement + ";");
        return text.ToString();
    }

    public override string ToString() => Describe();
}
