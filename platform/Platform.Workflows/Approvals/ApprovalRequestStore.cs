using System.Text;
using Platform.Runtime;
using Platform.Workflows.Activities.Approval;
using Platform.Workflows.Runtime;
using static Platform.Workflows.Approvals.ApprovalTables;

namespace Platform.Workflows.Approvals;

/// <summary>
/// A user's submitted approvals ("my requests"): their tasks grouped per Approval activity of an instance, one
/// request per time the activity asked (a workflow that loops back asks again), with the outcome the execution journal
/// recorded when the activity completed. Two statements, whatever the number of requests.
/// </summary>
public static class ApprovalRequestStore
{
    /// <summary>Tasks read at most: enough for the newest requests of a busy submitter.</summary>
    private const int MaxTasks = 5000;

    /// <summary>The requests <paramref name="submitter"/> submitted, newest first, optionally only those in one status.</summary>
    public static async Task<IReadOnlyList<ApprovalRequest>> OfSubmitterAsync(TenantRuntime runtime, Guid submitter, string? status, int top, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        var tasks = new List<(ApprovalTask Task, string InstanceStatus)>();
        await using (var command = session.Command(
                         $"SELECT {string.Join(", ", ApprovalStore.Columns.Select(c => "t." + s.Q(c)))}, i.{s.Q("status")} FROM {s.T(Tasks)} t " +
                         $"JOIN {s.T(WorkflowTables.Instances)} i ON i.{s.Q("id")} = t.{s.Q("instance_id")} " +
                         $"WHERE t.{s.Q("submitter")} = @u ORDER BY t.{s.Q("created_at")} DESC, t.{s.Q("id")} LIMIT {MaxTasks}"))
        {
            s.Add(command, "@u", Tasks, "submitter", submitter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                tasks.Add((ApprovalStore.Read(s, reader), s.Read<string>(reader, ApprovalStore.Columns.Length, WorkflowTables.Instances, "status")!));
        }
        if (tasks.Count == 0) return [];

        var instances = tasks.Select(t => t.Task.InstanceId).Distinct().ToList();
        var completions = new Dictionary<(Guid, string), List<(DateTime At, string? Outcome)>>();
        foreach (var chunk in instances.Chunk(500))
        {
            await using var command = session.Command("");
            var names = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                names.Append(i == 0 ? "" : ", ").Append("@i").Append(i);
                s.Add(command, $"@i{i}", WorkflowTables.Journal, "instance_id", chunk[i]);
            }
            command.CommandText = $"SELECT {s.Columns("instance_id", "activity_id", "outcome", "at")} FROM {s.T(WorkflowTables.Journal)} " +
                                  $"WHERE {s.Q("instance_id")} IN ({names}) AND {s.Q("event")} IN (@completed, @ran) AND {s.Q("activity_type")} = @type ORDER BY {s.Q("sequence")}";
            s.Add(command, "@completed", WorkflowTables.Journal, "event", "completed");
            // An approval that completed as it started (every approver skipped) is one stored row (JournalRows).
            s.Add(command, "@ran", WorkflowTables.Journal, "event", JournalRows.Ran);
            s.Add(command, "@type", WorkflowTables.Journal, "activity_type", ApprovalDescription.TypeName);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = (s.Read<Guid>(reader, 0, WorkflowTables.Journal, "instance_id"), s.Read<string>(reader, 1, WorkflowTables.Journal, "activity_id")!);
                if (!completions.TryGetValue(key, out var list)) completions[key] = list = [];
                list.Add((s.Read<DateTime>(reader, 3, WorkflowTables.Journal, "at"), s.Read<string>(reader, 2, WorkflowTables.Journal, "outcome")));
            }
        }

        var requests = new List<ApprovalRequest>();
        foreach (var group in tasks.GroupBy(t => (t.Task.InstanceId, t.Task.ActivityId)))
        {
            var instanceStatus = group.First().InstanceStatus;
            var rounds = completions.GetValueOrDefault(group.Key) ?? [];
            // A task belongs to the first completion at or after it was opened; tasks after the last one are the open round's.
            foreach (var round in group.Select(t => t.Task).GroupBy(t => rounds.FindIndex(r => r.At >= t.CreatedAt && t.Status != ApprovalTaskStatus.Pending)))
            {
                var roundTasks = round.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToList();
                var completed = round.Key >= 0 ? rounds[round.Key] : ((DateTime At, string? Outcome)?)null;
                var state = StatusOf(completed?.Outcome, roundTasks, instanceStatus);
                if (status is not null && state != status) continue;
                var first = roundTasks[0];
                var decidedAt = state == ApprovalRequestStatus.Pending ? null : completed?.At ?? roundTasks.Max(t => t.DecidedAt);
                requests.Add(new ApprovalRequest(first.InstanceId, first.WorkflowId, first.ActivityId, first.Subject, first.Entity, first.RecordId, submitter,
                    state, first.CreatedAt, decidedAt, first.DueAt, roundTasks));
            }
        }
        return requests.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.InstanceId).Take(Math.Clamp(top, 1, 1000)).ToList();
    }

    private static string StatusOf(string? outcome, IReadOnlyList<ApprovalTask> tasks, string instanceStatus)
    {
        if (ApprovalRequestStatus.OfPort(outcome) is { } completed) return completed;
        if (instanceStatus == WorkflowStatus.Faulted) return ApprovalRequestStatus.Faulted;
        if (instanceStatus is WorkflowStatus.Running or WorkflowStatus.Suspended && tasks.Any(t => t.Status == ApprovalTaskStatus.Pending))
            return ApprovalRequestStatus.Pending;
        return ApprovalRequestStatus.Cancelled;
    }
}
