using Platform.Runtime;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using Platform.Workflows.Runtime;

namespace Platform.Benchmarks.Workflows;

/// <summary>The few reads and the one set-up write the workflow cases make directly on a tenant's database.</summary>
public static class BenchWorkflowSql
{
    private static readonly Dictionary<string, TableModel> Tables = WorkflowTables.Instance.Tables.ToDictionary(t => t.Name);

    /// <summary>Record-change events not yet dispatched to every consumer.</summary>
    public static Task<long> PendingEventsAsync(TenantRuntime runtime) =>
        CountAsync(runtime, $"SELECT COUNT(*) FROM {T(runtime, "platform_outbox")} WHERE {Q(runtime, "dispatched_at")} IS NULL");

    public static Task<long> InstancesAsync(TenantRuntime runtime, string? status = null) =>
        CountAsync(runtime, $"SELECT COUNT(*) FROM {T(runtime, WorkflowTables.Instances)}" + (status is null ? "" : $" WHERE {Q(runtime, "status")} = '{status}'"));

    /// <summary>
    /// Moves the due time of <paramref name="limit"/> pending timers (all when null) that are not yet due before
    /// <paramref name="after"/> to <paramref name="due"/>, so they all become due at one instant.
    /// </summary>
    public static async Task<int> MakeTimersDueAtAsync(TenantRuntime runtime, DateTime due, DateTime after, int? limit = null)
    {
        await using var session = await runtime.Store.OpenAsync(write: true, CancellationToken.None);
        int changed;
        var b = T(runtime, WorkflowTables.Bookmarks);
        await using (var command = session.Command(
            $"UPDATE {b} SET {Q(runtime, "due_at")} = @d WHERE {Q(runtime, "id")} IN (SELECT {Q(runtime, "id")} FROM {b} WHERE {Q(runtime, "due_at")} > @after" +
            (limit is null ? ")" : $" LIMIT {limit})")))
        {
            command.AddParameter("@after", ColumnValueCodec.ToDb(Tables[WorkflowTables.Bookmarks].Column("due_at"), after, runtime.Store.Database.Provider));
            command.AddParameter("@d", ColumnValueCodec.ToDb(Tables[WorkflowTables.Bookmarks].Column("due_at"), due, runtime.Store.Database.Provider));
            changed = await command.ExecuteNonQueryAsync();
        }
        await session.CommitAsync(CancellationToken.None);
        return changed;
    }

    /// <summary>When each timer fired (the journal's "resumed" entries), from <paramref name="since"/> on.</summary>
    public static async Task<IReadOnlyList<DateTime>> ResumedAtAsync(TenantRuntime runtime, DateTime since)
    {
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        await using var command = session.Command($"SELECT {Q(runtime, "at")} FROM {T(runtime, WorkflowTables.Journal)} WHERE {Q(runtime, "event")} = 'resumed' AND {Q(runtime, "at")} >= @since");
        var column = Tables[WorkflowTables.Journal].Column("at");
        command.AddParameter("@since", ColumnValueCodec.ToDb(column, since, runtime.Store.Database.Provider));
        var times = new List<DateTime>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) times.Add((DateTime)ColumnValueCodec.Read(reader, 0, column, runtime.Store.Database.Provider)!);
        return times;
    }

    private static async Task<long> CountAsync(TenantRuntime runtime, string sql)
    {
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        await using var command = session.Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static string T(TenantRuntime runtime, string table) => runtime.Store.Database.Dialect.Table(table, runtime.Store.Database.Schema);

    private static string Q(TenantRuntime runtime, string column) => runtime.Store.Database.Dialect.Quote(column);
}
