using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Metadata.Definitions;
using Platform.Storage.Ddl;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Storage.Schema;

/// <summary>
/// Applies a plan as one transaction through EF Core's migration command executor: take the tenant's schema lock,
/// re-read the current version and re-count the rows each change must keep (data may have changed since the plan
/// was shown), run the DDL with a lock timeout, append the history row with the inverse, commit. Any failure rolls
/// everything back. On SQLite the transaction is BEGIN IMMEDIATE, so writers wait for the whole batch, table
/// rebuilds included, and never see or lose a half-rebuilt table.
/// </summary>
public static class SchemaApplier
{
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

    /// <param name="audit">Audit entries of the change, written in the apply's transaction (none when null).</param>
    /// <param name="cipher">
    /// The tenant's field cipher: a rename of an entity or encrypted field re-seals its stored values under the new names,
    /// and a text field no longer encrypted has its values opened (see <see cref="EncryptedColumnChanges"/>); without it
    /// such a plan is refused when values are stored.
    /// </param>
    public static async Task<SchemaApplyResult> ApplyAsync(
        SchemaPlan plan, bool allowDataLoss, CancellationToken ct, ISchemaChangeAudit? audit = null, Encryption.TenantFieldCipher? cipher = null)
    {
        if (Refusal(plan, allowDataLoss) is { } refused) return refused;
        if (plan.IsEmpty && !plan.DefinitionsChanged) return SchemaApplyResult.Unchanged(plan);

        var database = plan.Database;
        await using var context = DdlContext.Create(PhysicalModelBuilder.Build(plan.Target, database.Provider), database);
        await context.Database.OpenConnectionAsync(ct);
        var connection = context.Database.GetDbConnection();
        try
        {
            await SqliteConnectionSetup.ApplyAsync(connection, ct);
            // A table rebuild drops and re-creates the table; with foreign keys enforced, dropping a referenced table
            // would cascade to its children. The pragma only works outside a transaction, so it is set first, for
            // this connection only, and the batch is checked with foreign_key_check before it commits.
            if (database.Dialect.RebuildsTablesToAlter) await ExecuteAsync(connection, null, "PRAGMA foreign_keys = OFF", ct);
            try
            {
                return await ApplyInTransactionAsync(context, plan, allowDataLoss, audit, cipher, ct);
            }
            catch (Exception e) when (SchemaApplyLock.IsLockTimeout(e))
            {
                return SchemaApplyResult.Refuse(plan,
                    $"a table the plan changes stayed locked by other work for more than {LockTimeout.TotalSeconds:0} s; nothing was changed, try again ({e.Message})");
            }
        }
        finally
        {
            if (database.Dialect.RebuildsTablesToAlter) await ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON", CancellationToken.None);
            await SchemaApplyLock.ReleaseAsync(database, connection, CancellationToken.None);
            await context.Database.CloseConnectionAsync();
        }
    }

    private static async Task<SchemaApplyResult> ApplyInTransactionAsync(
        DdlContext context, SchemaPlan plan, bool allowDataLoss, ISchemaChangeAudit? audit, Encryption.TenantFieldCipher? cipher, CancellationToken ct)
    {
        var database = plan.Database;
        var connection = context.Database.GetDbConnection();
        await using var transaction = await context.Database.BeginTransactionAsync(ct);
        var dbTransaction = transaction.GetDbTransaction();
        await SchemaApplyLock.AcquireAsync(database, connection, dbTransaction, LockTimeout, ct);

        // Inside the lock: what the tenant has now, and what its rows allow now.
        var latest = await SchemaHistory.ReadLatestAsync(connection, dbTransaction, database, ct);
        if (latest?.Version != plan.Current?.Version)
        {
            return latest?.Definitions.Version == plan.Target.Version
                ? SchemaApplyResult.Unchanged(plan with { Current = latest })
                : SchemaApplyResult.Refuse(plan, $"the schema changed since this plan was made (now version {latest?.Version ?? 0}); plan again");
        }
        var fresh = await SchemaPlanner.PlanAsync(database, latest, plan.Target, new DatabaseDataInspector(database, connection, dbTransaction), ct);
        if (Refusal(fresh, allowDataLoss) is { } refused) return refused;
        if (fresh.IsEmpty && !fresh.DefinitionsChanged) return SchemaApplyResult.Unchanged(fresh);

        if (await EncryptedColumnChanges.RefusalAsync(connection, dbTransaction, fresh, ct) is { } unconvertible) return SchemaApplyResult.Refuse(fresh, unconvertible);

        var version = (latest?.Version ?? 0) + 1;
        var operations = new List<MigrationOperation>(fresh.Operations) { HistoryRow(fresh, version, database.Schema) };
        var commands = Atomic(context.GetService<IMigrationsSqlGenerator>().Generate(operations, SchemaPlanner.DesignModel(context)));
        await context.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, context.GetService<IRelationalConnection>(), ct);
        if (database.Dialect.RebuildsTablesToAlter) await CheckForeignKeysAsync(connection, dbTransaction, ct);
        // Encrypted values are bound to their entity and field names: a rename re-seals them, a field no longer encrypted
        // opens them (or, without the key, the plan is not applied).
        if (await EncryptedColumnChanges.ApplyAsync(connection, dbTransaction, fresh, cipher, ct) is { } cannot) return SchemaApplyResult.Refuse(fresh, cannot);
        if (audit?.RowsFor(latest?.Definitions, fresh.Target) is { Count: > 0 } entries)
        {
            // Through the record store's codec (ids, times), on the apply's connection and transaction.
            var store = new RecordStore(database, PhysicalModelBuilder.Build(fresh.Target, database.Provider));
            await store.InsertAsync(RecordSession.Over(connection, dbTransaction), audit.Table, entries, ct);
        }
        await transaction.CommitAsync(ct);
        return SchemaApplyResult.Applied(fresh, version);
    }

    private static SchemaApplyResult? Refusal(SchemaPlan plan, bool allowDataLoss)
    {
        if (plan.IsBlocked)
            return SchemaApplyResult.Refuse(plan, "existing rows would not survive the change: " + string.Join("; ", plan.Issues.Where(i => i.Kind == PlanIssueKind.Blocking)));
        if (plan.RequiresDataLossConsent && !allowDataLoss)
            return SchemaApplyResult.Refuse(plan, "the plan would lose data; pass --allow-data-loss to apply it anyway");
        return null;
    }

    /// <summary>
    /// EF marks SQLite's foreign-key pragmas around a rebuild as "outside any transaction", which would make the
    /// executor commit half the batch. They are handled by <see cref="ApplyAsync"/> instead; anything else that cannot
    /// run in a transaction is refused rather than applied non-atomically.
    /// </summary>
    private static List<MigrationCommand> Atomic(IReadOnlyList<MigrationCommand> commands)
    {
        var kept = commands.Where(c => !(c.TransactionSuppressed && c.CommandText.TrimStart().StartsWith("PRAGMA foreign_keys", StringComparison.OrdinalIgnoreCase))).ToList();
        if (kept.FirstOrDefault(c => c.TransactionSuppressed) is { } outside)
            throw new NotSupportedException($"The plan contains a statement that cannot run inside a transaction: {outside.CommandText.Trim()}");
        return kept;
    }

    private static async Task CheckForeignKeysAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand("PRAGMA foreign_key_check", transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var broken = new List<string>();
        while (await reader.ReadAsync(ct)) broken.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        if (broken.Count > 0)
            throw new InvalidOperationException($"The change would leave {broken.Count} rows pointing at records that do not exist (tables: {string.Join(", ", broken.Distinct())}); nothing was changed.");
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(sql, transaction);
        await command.ExecuteNonQueryAsync(ct);
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
                JsonSerializer.Serialize(plan.Statements),
                new SchemaInverse(plan.Current?.Version, plan.Current?.Definitions.Version, plan.InverseStatements).ToJson(),
            },
        },
    };
}
