using System.Text.Json.Nodes;
using System.Xml;
using Platform.Workflows.Approvals;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Activities.Approval;

/// <summary>
/// Approval: asks people to approve, one task and one bookmark per approver, resolved when it runs. Modes: any (或签),
/// all (会签), sequence (依次审批: one entry after another) and quorum (N approvals). Decisions and the other actions
/// (return 退回, transfer 转交, add an approver 加签, withdraw 撤回) arrive as bookmark payloads from the approvals API;
/// a due timer completes it through TimedOut. Whatever tasks are left when it completes are cancelled (their
/// bookmarks go with the activity's).
/// </summary>
public sealed class ApprovalActivity : ApprovalDescription, IActivityType
{
    private const string TimerName = "timeout";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var mode = await context.StringAsync("mode") ?? ApprovalModes.Any;
        if (!ApprovalModes.Names.Contains(mode)) throw new WorkflowActivityException($"'{mode}' is not an approval mode ({string.Join(", ", ApprovalModes.Names)}).");
        var resolver = await ApproverResolver.LoadAsync(context);
        var state = new ApprovalState
        {
            Mode = mode, Submitter = await SubmitterAsync(context), Subject = await SubjectAsync(context), DueAt = await DueAsync(context),
        };
        var entries = await context.InputAsync("approvers") as JsonArray ?? throw new WorkflowActivityException($"The approvers of '{context.Node.Id}' must be a list.");
        var fallback = context.Node.Input("fallback");
        var skipSubmitter = context.Node.Input("skipSubmitter") is JsonValue skip && skip.TryGetValue<bool>(out var s) && s;
        IEnumerable<JsonNode?[]> groups = mode == ApprovalModes.Sequence ? entries.Select(e => new[] { e }) : [entries.ToArray()];
        foreach (var group in groups)
        {
            var approvers = group.SelectMany(resolver.Resolve).Distinct().ToList();
            if (approvers.Count == 0) approvers = Fallback(resolver, fallback, state.Submitter);
            if (approvers.Count == 0)
                throw new WorkflowActivityException($"No approver of '{context.Node.Id}' resolved to an active user ({string.Join(", ", group.Select(g => g?.ToJsonString() ?? "null"))}), and no fallback did.");
            if (skipSubmitter) approvers.Remove(state.Submitter ?? Guid.Empty);
            state.Steps.Add(new ApprovalStep(approvers, mode == ApprovalModes.Sequence ? ApprovalModes.Any : mode));
        }
        if (mode == ApprovalModes.Quorum)
        {
            var quorum = context.Node.Input("quorum") is JsonValue q && q.TryGetValue<int>(out var n) ? n : throw new WorkflowActivityException($"'{context.Node.Id}' is in quorum mode but names no 'quorum'.");
            var total = state.Steps[0].Approvers.Count;
            if (quorum > total && !skipSubmitter) throw new WorkflowActivityException($"The quorum of '{context.Node.Id}' is {quorum}, but only {total} approvers resolved.");
            state.Quorum = Math.Min(quorum, Math.Max(total, 1));
        }
        await NotifyWatchersAsync(context, resolver, state);

        var writer = new ApprovalTaskWriter(context, state);
        var output = new JsonObject
        {
            ["mode"] = mode, ["steps"] = new JsonArray(state.Steps.Select(step => (JsonNode?)new JsonArray(step.Approvers.Select(a => (JsonNode?)a.ToString()).ToArray())).ToArray()),
            ["dueAt"] = state.DueAt?.ToString("O"),
        };
        // Every step skipped (the submitter approves their own request): approved at once.
        if (!await writer.OpenCurrentStepAsync()) return ActivityResult.Outcome(Approved, output);
        state.Save(context.State, context.Node.Id);
        var bookmarks = new List<BookmarkRequest>(writer.Bookmarks);
        if (state.DueAt is { } due) bookmarks.Add(new BookmarkRequest(TimerName, due));
        return ActivityResult.WaitOn(bookmarks, output);
    }

    public async Task<ActivityResult> ResumeAsync(ActivityContext context, JsonNode? payload)
    {
        var state = ApprovalState.Load(context.State, context.Node.Id) ?? throw new WorkflowActivityException($"'{context.Node.Id}' has no approval state to resume.");
        var writer = new ApprovalTaskWriter(context, state);
        if (ApprovalAction.From(payload) is not { } action)
        {
            // Only the due timer resumes without a payload.
            await writer.CloseAllPendingAsync(ApprovalTaskStatus.Cancelled, "timed out");
            return Complete(context, TimedOut, new JsonObject { ["action"] = "timeout" });
        }
        var vote = state.Vote(action.Task) ?? throw new WorkflowActivityException($"The approval task {action.Task} is not part of '{context.Node.Id}'.");
        if (vote.Status != ApprovalTaskStatus.Pending) throw new WorkflowActivityException($"The approval task {action.Task} was decided already.");
        var output = new JsonObject
        {
            ["action"] = action.Action, ["task"] = action.Task.ToString(), ["by"] = action.User.ToString(), ["onBehalfOf"] = vote.OnBehalfOf?.ToString(),
            ["comment"] = action.Comment, ["to"] = action.To, ["user"] = action.Target?.ToString(), ["position"] = action.Position,
        };
        switch (action.Action)
        {
            case ApprovalAction.Approve or ApprovalAction.Reject:
                await writer.CloseAsync(vote, action.Action == ApprovalAction.Approve ? ApprovalTaskStatus.Approved : ApprovalTaskStatus.Rejected, action.Comment);
                return await SettleAsync(context, state, writer, output);
            case ApprovalAction.Transfer:
                await writer.CloseAsync(vote, ApprovalTaskStatus.Transferred, action.Comment);
                var step = state.Steps[vote.Step];
                var index = step.Approvers.IndexOf(vote.OnBehalfOf ?? vote.Assignee);
                var target = Target(action);
                if (index >= 0) step.Approvers[index] = target; else step.Approvers.Add(target);
                await writer.OpenAsync(target, vote.Step, vote.OnBehalfOf ?? vote.Assignee);
                return Wait(context, state, writer, output);
            case ApprovalAction.AddApprover when action.Position == ApprovalAction.Before:
                // The added approver decides first; then the step comes back to its approvers.
                await writer.CloseAllPendingAsync(ApprovalTaskStatus.Cancelled, action.Comment, vote.Step);
                state.Steps.Insert(state.Step, new ApprovalStep([Target(action)], ApprovalModes.Any));
                foreach (var later in state.Votes.Where(v => v.Step >= state.Step)) later.Step++;
                await writer.OpenCurrentStepAsync();
                return Wait(context, state, writer, output);
            case ApprovalAction.AddApprover:
                // After: the caller's task stays open; the added approver's step follows theirs.
                state.Steps.Insert(state.Step + 1, new ApprovalStep([Target(action)], ApprovalModes.Any));
                writer.Reopen(vote);
                return Wait(context, state, writer, output);
            case ApprovalAction.Return when action.To == ApprovalAction.ToPrevious && state.Step > 0:
                await writer.CloseAsync(vote, ApprovalTaskStatus.Returned, action.Comment);
                await writer.CloseAllPendingAsync(ApprovalTaskStatus.Cancelled, "returned", vote.Step);
                do state.Step--; while (state.Step > 0 && state.Steps[state.Step].Approvers.Count == 0);
                if (state.Steps[state.Step].Approvers.Count == 0) return await ReturnToSubmitterAsync(context, writer, output);
                await writer.OpenCurrentStepAsync();
                return Wait(context, state, writer, output);
            case ApprovalAction.Return:
                await writer.CloseAsync(vote, ApprovalTaskStatus.Returned, action.Comment);
                return await ReturnToSubmitterAsync(context, writer, output);
            case ApprovalAction.Withdraw:
                await writer.CloseAllPendingAsync(ApprovalTaskStatus.Withdrawn, action.Comment);
                return Complete(context, Withdrawn, output);
            default:
                throw new WorkflowActivityException($"'{action.Action}' is not an approval action.");
        }
    }

    /// <summary>After a vote: the step decided moves to the next (or completes the approval), else the approval waits on.</summary>
    private static async Task<ActivityResult> SettleAsync(ActivityContext context, ApprovalState state, ApprovalTaskWriter writer, JsonObject output)
    {
        var step = state.Steps[state.Step];
        var decision = ApprovalPolicy.Decide(step, state.Votes.Where(v => v.Step == state.Step).ToList(), state.Quorum);
        if (decision == StepDecision.Pending) return Wait(context, state, writer, output);
        await writer.CloseAllPendingAsync(ApprovalTaskStatus.Cancelled, decision == StepDecision.Approved ? "approved by another approver" : "rejected by another approver");
        if (decision == StepDecision.Rejected) return Complete(context, Rejected, output);
        state.Step++;
        if (!await writer.OpenCurrentStepAsync()) return Complete(context, Approved, output);
        return Wait(context, state, writer, output);
    }

    private static async Task<ActivityResult> ReturnToSubmitterAsync(ActivityContext context, ApprovalTaskWriter writer, JsonObject output)
    {
        await writer.CloseAllPendingAsync(ApprovalTaskStatus.Cancelled, "returned to the submitter");
        return Complete(context, Returned, output);
    }

    private static ActivityResult Wait(ActivityContext context, ApprovalState state, ApprovalTaskWriter writer, JsonObject output)
    {
        state.Save(context.State, context.Node.Id);
        return ActivityResult.KeepWaiting(writer.Bookmarks, output);
    }

    private static ActivityResult Complete(ActivityContext context, string port, JsonObject output)
    {
        context.State.ActivityData.Remove(context.Node.Id);
        output["outcome"] = port;
        return ActivityResult.Outcome(port, output);
    }

    private static Guid Target(ApprovalAction action) =>
        action.Target ?? throw new WorkflowActivityException($"The approval action '{action.Action}' names no user.");

    private static List<Guid> Fallback(ApproverResolver resolver, JsonNode? fallback, Guid? submitter) => fallback switch
    {
        JsonValue value when (string?)value == SubmitterManager => resolver.ManagerOf(submitter) is { } manager ? [manager] : [],
        JsonObject role => resolver.Resolve(role),
        _ => [],
    };

    /// <summary>Who asked: the user whose write or request started the instance, else the record's owner.</summary>
    private static async Task<Guid?> SubmitterAsync(ActivityContext context)
    {
        if (context.State.Actor.UserId is { } user) return user;
        return (await context.RecordAsync())?.GetValueOrDefault("owner") switch
        {
            Guid owner => owner,
            string text when Guid.TryParse(text, out var owner) => owner,
            _ => null,
        };
    }

    private static async Task<string> SubjectAsync(ActivityContext context) =>
        await context.StringAsync("subject") is { Length: > 0 } subject ? subject : (string?)(context.Definition.Label["en"] as JsonValue) ?? context.Definition.Id;

    private static async Task<DateTime?> DueAsync(ActivityContext context)
    {
        if (await context.StringAsync("timeout") is not { Length: > 0 } text) return null;
        try
        {
            return context.Now + XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new WorkflowActivityException($"'{text}' is not an ISO 8601 duration.");
        }
    }

    private static async Task NotifyWatchersAsync(ActivityContext context, ApproverResolver resolver, ApprovalState state)
    {
        if (context.Node.Input("cc") is null) return;
        var watchers = resolver.Resolve(await context.InputAsync("cc"));
        if (watchers.Count == 0) return;
        await context.Effects.NotifyAsync(new WorkflowNotification(watchers.Select(w => w.ToString()).ToList(), $"CC: {state.Subject}", context.State.Entity,
            context.State.RecordId, $"{context.ExecutionKey}:cc"), context.Transaction, context.CancellationToken);
    }
}
