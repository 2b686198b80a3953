using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Metadata.Definitions;
using Platform.Storage.Ddl;
using Platform.Storage.Physical;

namespace Platform.Storage.Schema;

/// <summary>Applies a plan: the DDL and the history row run as one batch through EF Core's migration executor.</summary>
public static class SchemaApplier
{
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

    public static async Task<SchemaApplyResult> ApplyAsync(SchemaPlan plan, bool allowDataLoss, CancellationToken ct)
    {
        if (plan.IsBlocked) return SchemaApplyResult.Refuse(plan, "existing rows would not survive the change");
        if (plan.RequiresDataLossConsent && !allowDataLoss) return SchemaApplyResult.Refuse(plan, "the plan would lose data; pass --allow-data-loss to apply it anyway");
        if (plan.IsEmpty) return SchemaApplyResult.Unchanged(plan);

        var database = plan.Database;
        var model = PhysicalModelBuilder.Build(plan.Target, database.Provider);
        await using var context = DdlContext.Create(model, database);
        var design = SchemaPlanner.DesignModel(context);

        var operations = new List<MigrationOperation>();
        if (database.Dialect.LockTimeoutSql(LockTimeout) is { } lockTimeout) operations.Add(new SqlOperation { Sql = lockTimeout });
        operations.AddRange(plan.Operations);
        var version = (plan.Current?.Version ?? 0) + 1;
        operations.Add(HistoryRow(plan, version, database.Schema));

        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations, design);
        await context.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, context.GetService<IRelationalConnection>(), ct);
        return SchemaApplyResult.Applied(plan, version);
    }

    private static InsertDataOperation HistoryRow(SchemaPlan plan, long version, string? schema) => new()
    {
        Table = PlatformTables.SchemaHistory,
        Schema = schema,
        Columns = ["version", "applied_at", "definitions_version", "definitions", "plan", "inverse"],
        Values = new object?[,]
        {
            {
                version, DateTime.UtcNow, plan.Target.Version,
                DefinitionJson.Serialize(plan.Target.Modules),
                System.Text.Json.JsonSerializer.Serialize(plan.Statements),
                System.Text.Json.JsonSerializer.Serialize(plan.Current is null ? [] : plan.InverseOperations.Select(o => o.GetType().Name).ToList()),
            },
        },
    };
}

public sealed record SchemaApplyResult(SchemaPlan Plan, bool Changed, bool Refused, string? Reason, long? Version)
{
    public static SchemaApplyResult Refuse(SchemaPlan plan, string reason) => new(plan, false, true, reason, null);
    public static SchemaApplyResult Unchanged(SchemaPlan plan) => new(plan, false, false, null, plan.Current?.Version);
    public static SchemaApplyResult Applied(SchemaPlan plan, long version) => new(plan, true, false, null, version);
}
