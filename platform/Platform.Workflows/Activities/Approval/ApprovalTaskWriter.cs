using Platform.Workflows.Approvals;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Activities.Approval;

/// <summary>
/// Opens and closes an Approval's tasks: the vote in the activity's state, the task row in the step's transaction (a
/// test run has none and writes nothing), the bookmark the approver's decision resumes (its id is the task's), and a
/// notification to the assignee. An approver out of office has the task go to their delegate.
/// </summary>
internal sealed class ApprovalTaskWriter(ActivityContext context, ApprovalState state)
{
    public const string BookmarkName = "approval";

    /// <summary>The bookmarks of tasks opened (or kept open) in this step.</summary>
    public List<BookmarkRequest> Bookmarks { get; } = [];

    public async Task<ApprovalVote> OpenAsync(Guid approver, int step, Guid? onBehalfOf = null)
    {
        var (assignee, original) = (approver, onBehalfOf);
        if (context.Transaction is { } delegationSession &&
            await DelegationStore.FindAsync(delegationSession, context.Runtime.Store.Database, approver, context.CancellationToken) is { } delegation &&
            delegation.Covers(context.Now) && delegation.DelegateUserId != approver)
            (assignee, original) = (delegation.DelegateUserId, original ?? approver);
        var vote = new ApprovalVote { Task = Guid.NewGuid(), Assignee = assignee, OnBehalfOf = original, Step = step };
        state.Votes.Add(vote);
        if (context.Transaction is { } session && context.InstanceId is { } instance)
        {
            await ApprovalStore.InsertAsync(session, context.Runtime.Store.Database, new ApprovalTask(
                vote.Task, instance, context.Definition.Id, context.Node.Id, context.State.Entity, context.State.RecordId, state.Subject, assignee, original,
                state.Submitter, ApprovalTaskStatus.Pending, null, context.Now, null, state.DueAt), context.CancellationToken);
        }
        await context.Effects.NotifyAsync(new WorkflowNotification([assignee.ToString()], state.Subject, context.State.Entity, context.State.RecordId,
            $"{context.ExecutionKey}:{vote.Task:N}"), context.Transaction, context.CancellationToken);
        Bookmarks.Add(new BookmarkRequest(BookmarkName, null, vote.Task));
        return vote;
    }

    /// <summary>Keeps a task open whose bookmark this step consumed (the approver added someone after themselves).</summary>
    public void Reopen(ApprovalVote vote) => Bookmarks.Add(new BookmarkRequest(BookmarkName, null, vote.Task));

    public async Task CloseAsync(ApprovalVote vote, string status, string? comment)
    {
        vote.Status = status;
        vote.Comment = comment;
        if (context.Transaction is { } session)
            await ApprovalStore.CloseAsync(session, context.Runtime.Store.Database, vote.Task, status, comment, context.Now, context.CancellationToken);
    }

    public async Task CloseAllPendingAsync(string status, string? comment = null, int? step = null)
    {
        foreach (var vote in state.Pending.Where(v => step is null || v.Step == step).ToList()) await CloseAsync(vote, status, comment);
    }

    /// <summary>Opens the current step's tasks, passing steps left with nobody (the submitter skipped); false when no step is left.</summary>
    public async Task<bool> OpenCurrentStepAsync()
    {
        while (state.Step < state.Steps.Count && state.Steps[state.Step].Approvers.Count == 0) state.Step++;
        if (state.Step >= state.Steps.Count) return false;
        foreach (var approver in state.Steps[state.Step].Approvers) await OpenAsync(approver, state.Step);
        return true;
    }
}
