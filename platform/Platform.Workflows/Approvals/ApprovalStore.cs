using System.Data.Common;
using Platform.Runtime;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using Platform.Workflows.Runtime;
using static Platform.Workflows.Approvals.ApprovalTables;

namespace Platform.Workflows.Approvals;

/// <summary>
/// The statements on approval tasks. Inserts and status changes go through the step's session (the Approval activity
/// writes them with the instance's state); reads open their own.
/// </summary>
public static class ApprovalStore
{
    internal static readonly string[] Columns =
    [
        "id", "instance_id", "workflow_id", "activity_id", "entity", "record_id", "subject", "assignee", "original_assignee", "submitter",
        "status", "comment", "created_at", "decided_at", "due_at",
    ];

    public static async Task InsertAsync(RecordSession session, TenantDatabase database, ApprovalTask task, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        await using var command = session.Command(
            $"INSERT INTO {s.T(Tasks)} ({s.Columns(Columns)}) VALUES (@id, @i, @w, @a, @e, @r, @subject, @as, @oa, @sub, @st, @c, @ca, @da, @due)");
        s.Add(command, "@id", Tasks, "id", task.Id);
        s.Add(command, "@i", Tasks, "instance_id", task.InstanceId);
        s.Add(command, "@w", Tasks, "workflow_id", task.WorkflowId);
        s.Add(command, "@a", Tasks, "activity_id", task.ActivityId);
        s.Add(command, "@e", Tasks, "entity", task.Entity);
        s.Add(command, "@r", Tasks, "record_id", task.RecordId);
        s.Add(command, "@subject", Tasks, "subject", task.Subject.Length > 500 ? task.Subject[..500] : task.Subject);
        s.Add(command, "@as", Tasks, "assignee", task.Assignee);
        s.Add(command, "@oa", Tasks, "original_assignee", task.OriginalAssignee);
        s.Add(command, "@sub", Tasks, "submitter", task.Submitter);
        s.Add(command, "@st", Tasks, "status", task.Status);
        s.Add(command, "@c", Tasks, "comment", task.Comment);
        s.Add(command, "@ca", Tasks, "created_at", task.CreatedAt);
        s.Add(command, "@da", Tasks, "decided_at", task.DecidedAt);
        s.Add(command, "@due", Tasks, "due_at", task.DueAt);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Closes a pending task (only a pending one: a final status never changes).</summary>
    public static async Task CloseAsync(RecordSession session, TenantDatabase database, Guid id, string status, string? comment, DateTime at, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        await using var command = session.Command(
            $"UPDATE {s.T(Tasks)} SET {s.Q("status")} = @st, {s.Q("comment")} = @c, {s.Q("decided_at")} = @d WHERE {s.Q("id")} = @id AND {s.Q("status")} = @pending");
        s.Add(command, "@st", Tasks, "status", status);
        s.Add(command, "@c", Tasks, "comment", comment is { Length: > 4000 } ? comment[..4000] : comment);
        s.Add(command, "@d", Tasks, "decided_at", at);
        s.Add(command, "@id", Tasks, "id", id);
        s.Add(command, "@pending", Tasks, "status", ApprovalTaskStatus.Pending);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Cancels an instance's pending tasks (the instance was cancelled): they leave the inboxes and can no longer be decided.</summary>
    public static async Task CancelPendingOfAsync(RecordSession session, TenantDatabase database, Guid instanceId, string comment, DateTime at, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        await using var command = session.Command(
            $"UPDATE {s.T(Tasks)} SET {s.Q("status")} = @st, {s.Q("comment")} = @c, {s.Q("decided_at")} = @d WHERE {s.Q("instance_id")} = @i AND {s.Q("status")} = @pending");
        s.Add(command, "@st", Tasks, "status", ApprovalTaskStatus.Cancelled);
        s.Add(command, "@c", Tasks, "comment", comment);
        s.Add(command, "@d", Tasks, "decided_at", at);
        s.Add(command, "@i", Tasks, "instance_id", instanceId);
        s.Add(command, "@pending", Tasks, "status", ApprovalTaskStatus.Pending);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<ApprovalTask?> FindAsync(TenantRuntime runtime, Guid id, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command($"SELECT {s.Columns(Columns)} FROM {s.T(Tasks)} WHERE {s.Q("id")} = @id");
        s.Add(command, "@id", Tasks, "id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(s, reader) : null;
    }

    /// <summary>A user's pending tasks of instances still waiting (a cancelled instance's tasks are no one's work), oldest first.</summary>
    public static async Task<IReadOnlyList<ApprovalTask>> PendingForAsync(TenantRuntime runtime, Guid user, int top, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        var columns = string.Join(", ", Columns.Select(c => "t." + s.Q(c)));
        await using var command = session.Command(
            $"SELECT {columns} FROM {s.T(Tasks)} t JOIN {s.T(WorkflowTables.Instances)} i ON i.{s.Q("id")} = t.{s.Q("instance_id")} " +
            $"WHERE t.{s.Q("assignee")} = @u AND t.{s.Q("status")} = @pending AND i.{s.Q("status")} IN (@running, @suspended) " +
            $"ORDER BY t.{s.Q("created_at")}, t.{s.Q("id")} LIMIT {Math.Clamp(top, 1, 1000)}");
        s.Add(command, "@u", Tasks, "assignee", user);
        s.Add(command, "@pending", Tasks, "status", ApprovalTaskStatus.Pending);
        s.Add(command, "@running", WorkflowTables.Instances, "status", WorkflowStatus.Running);
        s.Add(command, "@suspended", WorkflowTables.Instances, "status", WorkflowStatus.Suspended);
        var tasks = new List<ApprovalTask>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) tasks.Add(Read(s, reader));
        return tasks;
    }

    /// <summary>Every task of an instance, oldest first (what the instance's approvals look like).</summary>
    public static async Task<IReadOnlyList<ApprovalTask>> OfInstanceAsync(TenantRuntime runtime, Guid instanceId, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT {s.Columns(Columns)} FROM {s.T(Tasks)} WHERE {s.Q("instance_id")} = @i ORDER BY {s.Q("created_at")}, {s.Q("id")}");
        s.Add(command, "@i", Tasks, "instance_id", instanceId);
        var tasks = new List<ApprovalTask>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) tasks.Add(Read(s, reader));
        return tasks;
    }

    internal static ApprovalTask Read(WorkflowSql s, DbDataReader r) => new(
        s.Read<Guid>(r, 0, Tasks, "id"), s.Read<Guid>(r, 1, Tasks, "instance_id"), s.Read<string>(r, 2, Tasks, "workflow_id")!,
        s.Read<string>(r, 3, Tasks, "activity_id")!, s.Read<string>(r, 4, Tasks, "entity"), s.Read<Guid?>(r, 5, Tasks, "record_id"),
        s.Read<string>(r, 6, Tasks, "subject")!, s.Read<Guid>(r, 7, Tasks, "assignee"), s.Read<Guid?>(r, 8, Tasks, "original_assignee"),
        s.Read<Guid?>(r, 9, Tasks, "submitter"), s.Read<string>(r, 10, Tasks, "status")!, s.Read<string>(r, 11, Tasks, "comment"),
        s.Read<DateTime>(r, 12, Tasks, "created_at"), s.Read<DateTime?>(r, 13, Tasks, "decided_at"), s.Read<DateTime?>(r, 14, Tasks, "due_at"));
}
