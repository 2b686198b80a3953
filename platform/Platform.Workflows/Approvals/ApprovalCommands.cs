using Platform.Runtime;
using Platform.Workflows.Activities.Approval;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Approvals;

public enum ApprovalCommandStatus { Done, NotFound, Forbidden, Decided, NotWaiting, Busy, Faulted }

public sealed record ApprovalCommandResult(ApprovalCommandStatus Status, ApprovalTask? Task = null);

/// <summary>
/// Applies an action to an approval task: checks the caller may (the assignee; for a withdrawal, the submitter) and
/// that it is pending, then resumes the instance through the task's bookmark with the action as payload. The bookmark
/// is consumed by one atomic delete, so of two decisions only one resumes the instance; the other is told the task was
/// decided. While another host (or request) runs the instance, the resume is retried for a few seconds.
/// </summary>
public sealed class ApprovalCommands(WorkflowEngine engine)
{
    private static readonly TimeSpan BusyFor = TimeSpan.FromSeconds(15);

    public async Task<ApprovalCommandResult> ActAsync(TenantRuntime runtime, Guid taskId, Guid caller, Func<ApprovalTask, ApprovalAction> action, CancellationToken ct)
    {
        if (await ApprovalStore.FindAsync(runtime, taskId, ct) is not { } task) return new(ApprovalCommandStatus.NotFound);
        var act = action(task);
        var allowed = act.Action == ApprovalAction.Withdraw ? task.Submitter == caller : task.Assignee == caller;
        if (!allowed) return new(ApprovalCommandStatus.Forbidden, task);
        var deadline = DateTime.UtcNow + BusyFor;
        var delay = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            if (task.Status != ApprovalTaskStatus.Pending) return new(ApprovalCommandStatus.Decided, task);
            var resumed = await engine.ResumeAsync(runtime, task.InstanceId, task.Id, act.ToPayload(), ct);
            task = await ApprovalStore.FindAsync(runtime, taskId, ct) ?? task;
            if (resumed)
                return task.Status == ApprovalTaskStatus.Pending && act.Action != ApprovalAction.AddApprover
                    ? new(ApprovalCommandStatus.Faulted, task)
                    : new(ApprovalCommandStatus.Done, task);
            if (task.Status != ApprovalTaskStatus.Pending) return new(ApprovalCommandStatus.Decided, task);
            if (await WorkflowStore.FindInstanceAsync(runtime, task.InstanceId, ct) is not { Status: WorkflowStatus.Running or WorkflowStatus.Suspended })
                return new(ApprovalCommandStatus.NotWaiting, task);
            if (DateTime.UtcNow > deadline) return new(ApprovalCommandStatus.Busy, task);
            // The instance runs elsewhere right now (another decision): wait for its step to commit, then look again.
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 400));
        }
    }
}
