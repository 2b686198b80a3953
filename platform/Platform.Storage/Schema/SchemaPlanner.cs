using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Platform.Metadata.Definitions;
using Platform.Storage.Ddl;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// Plans a schema change: physical models of the current and target definitions are expressed as EF Core
/// design-time models and diffed by EF's own model differ; the provider's migration SQL generator writes the DDL.
/// </summary>
public static class SchemaPlanner
{
    public static async Task<SchemaPlan> PlanAsync(TenantDatabase database, DefinitionSet target, CancellationToken ct)
    {
        var current = await SchemaHistory.ReadLatestAsync(database, ct);
        return Plan(database, current, target);
    }

    public static SchemaPlan Plan(TenantDatabase database, SchemaHistoryEntry? current, DefinitionSet target)
    {
        var targetModel = PhysicalModelBuilder.Build(target, database.Provider);
        var currentModel = current is null ? null : PhysicalModelBuilder.Build(current.Definitions, database.Provider);

        using var targetContext = DdlContext.Create(targetModel, database);
        using var currentContext = currentModel is null ? null : DdlContext.Create(currentModel, database);
        var targetDesign = DesignModel(targetContext);
        var currentDesign = currentContext is null ? null : DesignModel(currentContext);

        var differ = targetContext.GetService<IMigrationsModelDiffer>();
        var operations = differ.GetDifferences(currentDesign?.GetRelationalModel(), targetDesign.GetRelationalModel());
        var inverse = currentDesign is null ? [] : differ.GetDifferences(targetDesign.GetRelationalModel(), currentDesign.GetRelationalModel());

        var issues = DataLossAnalyzer.Analyze(operations);
        var statements = GenerateSql(targetContext, operations, targetDesign);
        return new SchemaPlan(database, current, target, operations, statements, issues, inverse);
    }

    public static IModel DesignModel(DdlContext context) => context.GetService<IDesignTimeModel>().Model;

    public static IReadOnlyList<string> GenerateSql(DdlContext context, IReadOnlyList<MigrationOperation> operations, IModel model) =>
        operations.Count == 0 ? [] : context.GetService<IMigrationsSqlGenerator>().Generate(operations, model).Select(c => c.CommandText.Trim()).ToList();
}
