using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Metadata.Definitions;
using Platform.Storage.Ddl;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// Plans a schema change: declared renames are carried out first (explicit rename operations, and the current
/// definitions renamed to match), then physical models of the renamed current and the target definitions are
/// expressed as EF Core design-time models and diffed by EF's own model differ; the provider's migration SQL
/// generator writes the DDL. Existing rows are read (when a database is given) to count what would not survive.
/// </summary>
public static class SchemaPlanner
{
    public static async Task<SchemaPlan> PlanAsync(TenantDatabase database, DefinitionSet target, CancellationToken ct)
    {
        await using var connection = await TenantConnections.OpenAsync(database, ct);
        var current = await SchemaHistory.ReadLatestAsync(connection, database, ct);
        return await PlanAsync(database, current, target, new DatabaseDataInspector(database, connection, null), ct);
    }

    /// <summary>Plans without reading any row (e.g. SQL Server DDL); data-dependent issues are <see cref="PlanIssueKind.Unchecked"/>.</summary>
    /// <remarks>Without an inspector nothing awaits real I/O, so the task has completed when it returns.</remarks>
    public static SchemaPlan Plan(TenantDatabase database, SchemaHistoryEntry? current, DefinitionSet target) =>
        PlanAsync(database, current, target, null, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Plans against <paramref name="current"/>; with an inspector, counts the rows each change would not keep.</summary>
    public static async Task<SchemaPlan> PlanAsync(
        TenantDatabase database, SchemaHistoryEntry? current, DefinitionSet target, ISchemaDataInspector? inspector, CancellationToken ct)
    {
        var draft = Draft(database, current?.Definitions, target);
        var inverse = Draft(database, target, current?.Definitions ?? DefinitionSet.Empty);
        if (inspector is not null && !draft.Renames.IsEmpty)
            inspector = new RenamedNamesInspector(inspector, draft.Renames, draft.Renames.TableRenames(current!.Definitions));
        // Only the diff can drop or newly constrain anything; the renames and value migrations keep every value.
        var issues = await DataLossAnalyzer.AnalyzeAsync(draft.Diff, draft.Changes, database.Provider, inspector, ct);
        return new SchemaPlan(database, current, target, draft.Operations, draft.Statements, issues, inverse.Operations)
        {
            Renames = draft.Renames,
            InverseStatements = inverse.Statements,
        };
    }

    public static IModel DesignModel(DdlContext context) => context.GetService<IDesignTimeModel>().Model;

    public static IReadOnlyList<string> GenerateSql(DdlContext context, IReadOnlyList<MigrationOperation> operations, IModel model) =>
        operations.Count == 0 ? [] : context.GetService<IMigrationsSqlGenerator>().Generate(operations, model).Select(c => c.CommandText.Trim()).ToList();

    private sealed record PlanDraft(
        IReadOnlyList<MigrationOperation> Operations, IReadOnlyList<MigrationOperation> Diff, IReadOnlyList<string> Statements,
        IReadOnlyList<ColumnChange> Changes, DefinitionRenames Renames);

    private static PlanDraft Draft(TenantDatabase database, DefinitionSet? current, DefinitionSet target)
    {
        var provider = database.Provider;
        var targetModel = PhysicalModelBuilder.Build(target, provider);
        using var targetContext = DdlContext.Create(targetModel, database);
        var targetDesign = DesignModel(targetContext);
        var differ = targetContext.GetService<IMigrationsModelDiffer>();

        if (current is null)
        {
            var created = differ.GetDifferences(null, targetDesign.GetRelationalModel());
            return new PlanDraft(created, created, GenerateSql(targetContext, created, targetDesign), [], DefinitionRenames.None);
        }

        var renames = DefinitionRenames.Find(current, target);
        var renamedModel = PhysicalModelBuilder.Build(renames.ApplyTo(current), provider);
        using var renamedContext = DdlContext.Create(renamedModel, database);
        var diff = WithoutOrderOnlyChanges(differ.GetDifferences(DesignModel(renamedContext).GetRelationalModel(), targetDesign.GetRelationalModel()));

        var sql = targetContext.GetService<ISqlGenerationHelper>();
        var changes = ColumnChange.Between(renamedModel, targetModel);
        var operations = new List<MigrationOperation>();
        if (!renames.IsEmpty)
        {
            var stringMapping = targetContext.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(string))!;
            operations.AddRange(RenameOperations.Build(PhysicalModelBuilder.Build(current, provider), renamedModel, renames, database, sql, stringMapping));
        }
        // A rebuild copies stored values as they are: where their stored form changes, they are converted on the way.
        if (database.Dialect.RebuildsTablesToAlter) operations.AddRange(SqliteTypeChangeValueConverter.For(changes, sql));
        operations.AddRange(diff);
        // One Generate call: on SQLite, EF appends table rebuilds after everything else, and they must come last.
        return new PlanDraft(operations, diff, GenerateSql(targetContext, operations, targetDesign), changes, renames);
    }

    /// <summary>
    /// Columns carry their declared order; inserting a field shifts the order of the ones after it, which EF reports
    /// as an AlterColumn (a full table rebuild on SQLite) although nothing physical changes. Those are dropped here.
    /// </summary>
    private static List<MigrationOperation> WithoutOrderOnlyChanges(IEnumerable<MigrationOperation> operations) =>
        operations.Where(o => o is not AlterColumnOperation alter || !SameExceptOrder(alter, alter.OldColumn)).ToList();

    private static bool SameExceptOrder(ColumnOperation a, ColumnOperation b) =>
        a.ClrType == b.ClrType && a.ColumnType == b.ColumnType && a.IsNullable == b.IsNullable &&
        Equals(a.DefaultValue, b.DefaultValue) && a.DefaultValueSql == b.DefaultValueSql &&
        a.ComputedColumnSql == b.ComputedColumnSql && a.IsStored == b.IsStored && a.Comment == b.Comment && a.Collation == b.Collation &&
        a.MaxLength == b.MaxLength && a.Precision == b.Precision && a.Scale == b.Scale &&
        a.IsUnicode == b.IsUnicode && a.IsFixedLength == b.IsFixedLength && a.IsRowVersion == b.IsRowVersion &&
        Annotations(a).SetEquals(Annotations(b));

    private static HashSet<(string, object?)> Annotations(ColumnOperation column) =>
        column.GetAnnotations().Where(a => a.Name != RelationalAnnotationNames.ColumnOrder).Select(a => (a.Name, a.Value)).ToHashSet();
}
