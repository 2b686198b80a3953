using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Workflows.Runtime;

/// <summary>
/// A tenant's workflow documents: the draft (version 0, edited through the API) and the published versions (1, 2, …),
/// which never change once written, so an instance keeps running the version it started on.
/// </summary>
public static class WorkflowDefinitionStore
{
    public const long Draft = 0;

    public static async Task<StoredWorkflow?> FindAsync(TenantRuntime runtime, string workflowId, long version, CancellationToken ct) =>
        (await QueryAsync(runtime, workflowId, version, latestOnly: false, ct)).SingleOrDefault();

    /// <summary>The newest published version of a workflow.</summary>
    public static async Task<StoredWorkflow?> LatestPublishedAsync(TenantRuntime runtime, string workflowId, CancellationToken ct) =>
        (await QueryAsync(runtime, workflowId, null, latestOnly: true, ct)).SingleOrDefault();

    /// <summary>Every workflow's draft and newest published version.</summary>
    public static async Task<IReadOnlyList<StoredWorkflow>> ListAsync(TenantRuntime runtime, CancellationToken ct)
    {
        var all = await QueryAsync(runtime, null, null, latestOnly: false, ct);
        return all.GroupBy(w => w.WorkflowId)
            .SelectMany(g => g.Where(w => w.Version == Draft).Concat(g.Where(w => w.Version > Draft).OrderByDescending(w => w.Version).Take(1)))
            .ToList();
    }

    /// <summary>The newest published version of every workflow (what triggers start).</summary>
    public static async Task<IReadOnlyList<StoredWorkflow>> AllLatestPublishedAsync(TenantRuntime runtime, CancellationToken ct) =>
        await QueryAsync(runtime, null, null, latestOnly: true, ct);

    public static async Task SaveDraftAsync(TenantRuntime runtime, string workflowId, string json, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await using (var command = session.Command(
            $"INSERT INTO {s.T(WorkflowTables.Definitions)} ({s.Columns("workflow_id", "version", "json", "saved_at")}) VALUES (@w, 0, @j, @t) " +
            $"ON CONFLICT ({s.Columns("workflow_id", "version")}) DO UPDATE SET {s.Q("json")} = @j, {s.Q("saved_at")} = @t"))
        {
            s.Add(command, "@w", WorkflowTables.Definitions, "workflow_id", workflowId);
            s.Add(command, "@j", WorkflowTables.Definitions, "json", json);
            s.Add(command, "@t", WorkflowTables.Definitions, "saved_at", DateTime.UtcNow);
            await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
    }

    /// <summary>
    /// Publishes a document as the next version unless it equals the newest published one (applying a module again
    /// publishes nothing new); returns the version that is now the newest.
    /// </summary>
    public static async Task<long> PublishAsync(TenantRuntime runtime, string workflowId, string json, CancellationToken ct)
    {
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        var version = await PublishAsync(session, runtime.Store.Database, workflowId, json, ct);
        await session.CommitAsync(ct);
        return version;
    }

    public static async Task<long> PublishAsync(RecordSession session, Platform.Storage.Providers.TenantDatabase database, string workflowId, string json, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        string? latestJson = null;
        long latest = 0;
        await using (var command = session.Command(
            $"SELECT {s.Columns("version", "json")} FROM {s.T(WorkflowTables.Definitions)} WHERE {s.Q("workflow_id")} = @w AND {s.Q("version")} > 0 ORDER BY {s.Q("version")} DESC LIMIT 1"))
        {
            s.Add(command, "@w", WorkflowTables.Definitions, "workflow_id", workflowId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) (latest, latestJson) = (s.Read<long>(reader, 0, WorkflowTables.Definitions, "version"), s.Read<string>(reader, 1, WorkflowTables.Definitions, "json"));
        }
        if (latestJson == json) return latest;
        await using (var command = session.Command(
            $"INSERT INTO {s.T(WorkflowTables.Definitions)} ({s.Columns("workflow_id", "version", "json", "saved_at")}) VALUES (@w, @v, @j, @t)"))
        {
            s.Add(command, "@w", WorkflowTables.Definitions, "workflow_id", workflowId);
            s.Add(command, "@v", WorkflowTables.Definitions, "version", latest + 1);
            s.Add(command, "@j", WorkflowTables.Definitions, "json", json);
            s.Add(command, "@t", WorkflowTables.Definitions, "saved_at", DateTime.UtcNow);
            await command.ExecuteNonQueryAsync(ct);
        }
        return latest + 1;
    }

    private static async Task<IReadOnlyList<StoredWorkflow>> QueryAsync(TenantRuntime runtime, string? workflowId, long? version, bool latestOnly, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command("");
        var where = new List<string>();
        if (workflowId is not null) { where.Add($"d.{s.Q("workflow_id")} = @w"); s.Add(command, "@w", WorkflowTables.Definitions, "workflow_id", workflowId); }
        if (version is not null) { where.Add($"d.{s.Q("version")} = @v"); s.Add(command, "@v", WorkflowTables.Definitions, "version", version); }
        if (latestOnly)
            where.Add($"d.{s.Q("version")} = (SELECT MAX(m.{s.Q("version")}) FROM {s.T(WorkflowTables.Definitions)} m WHERE m.{s.Q("workflow_id")} = d.{s.Q("workflow_id")}) AND d.{s.Q("version")} > 0");
        command.CommandText = $"SELECT d.{s.Q("workflow_id")}, d.{s.Q("version")}, d.{s.Q("json")}, d.{s.Q("saved_at")} FROM {s.T(WorkflowTables.Definitions)} d" +
                              (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + $" ORDER BY d.{s.Q("workflow_id")}, d.{s.Q("version")}";
        var rows = new List<StoredWorkflow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new StoredWorkflow(s.Read<string>(reader, 0, WorkflowTables.Definitions, "workflow_id")!, s.Read<long>(reader, 1, WorkflowTables.Definitions, "version"),
                s.Read<string>(reader, 2, WorkflowTables.Definitions, "json")!, s.Read<DateTime>(reader, 3, WorkflowTables.Definitions, "saved_at")));
        return rows;
    }
}

public sealed record StoredWorkflow(string WorkflowId, long Version, string Json, DateTime SavedAt);
