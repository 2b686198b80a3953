using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Platform.Metadata.Definitions;
using Platform.Storage.Ddl;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// Creates platform tables that a tenant created by an older platform version lacks (e.g. platform_audit). The planner
/// diffs definitions, and both sides of that diff include every platform table, so a table added to
/// <see cref="PlatformTables"/> later would otherwise never be created for existing tenants.
/// </summary>
public static class PlatformTableUpgrade
{
    public static async Task EnsureAsync(TenantDatabase database, CancellationToken ct)
    {
        await using var connection = await TenantConnections.OpenAsync(database, ct);
        foreach (var table in PlatformTables.All)
        {
            if (await TenantConnections.TableExistsAsync(connection, database, table.Name, ct)) continue;
            var model = new PhysicalModel(DefinitionSet.Empty, database.Provider, [table]);
            using var context = DdlContext.Create(model, database);
            var design = SchemaPlanner.DesignModel(context);
            // The DDL model is cached per definitions version, so it may hold every platform table: keep this table's operations.
            var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, design.GetRelationalModel())
                .Where(o => o is CreateTableOperation create && create.Name == table.Name || o is CreateIndexOperation index && index.Table == table.Name)
                .ToList();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            try
            {
                foreach (var sql in SchemaPlanner.GenerateSql(context, operations, design))
                {
                    await using var command = connection.CreateCommand(sql, transaction);
                    await command.ExecuteNonQueryAsync(ct);
                }
                await transaction.CommitAsync(ct);
            }
            catch (DbException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                // Another node or request may have created it first; anything else is a real failure.
                if (!await TenantConnections.TableExistsAsync(connection, database, table.Name, CancellationToken.None)) throw;
            }
        }
    }
}
