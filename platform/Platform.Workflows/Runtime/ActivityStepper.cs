using System.Text.Json.Nodes;
using Platform.Records;
using Platform.Runtime;
using Platform.Storage.Records;
using Platform.Workflows.Activities;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Executes one activity (the head of the queue) or resumes one waiting activity, and applies its result to the
/// instance's state: outcomes schedule what follows, a bookmark suspends the activity, Finish ends the instance. Shared
/// by persisted runs and test runs; it writes nothing itself (the caller persists <see cref="StepChanges"/>).
/// </summary>
internal sealed class ActivityStepper(WorkflowRunServices services)
{
    private const int MaxSummaryChars = 4000;

    public async Task<string> StepAsync(
        TenantRuntime runtime, WorkflowDefinition definition, Guid? instanceId, InstanceState state, RecordActor actor, WorkflowEffects effects,
        DateTime now, StepChanges changes, (string ActivityId, JsonNode? Payload)? resume, RecordSession? transaction, CancellationToken ct)
    {
        string activityId;
        Guid? waitedOn = null;
        if (resume is { } r)
        {
            activityId = r.ActivityId;
            if (state.Waiting.Remove(activityId, out var previous)) waitedOn = previous;
        }
        else
        {
            activityId = state.Queue[0];
            state.Queue.RemoveAt(0);
        }
        var node = definition.Find(activityId) ?? throw new WorkflowActivityException($"The activity '{activityId}' is not part of version of the workflow the instance runs.");
        var type = services.Registry.Get(node.Type);
        var context = new ActivityContext
        {
            Runtime = runtime, Definition = definition, Node = node, State = state, Actor = actor, Effects = effects, Services = services,
            InstanceId = instanceId, Transaction = transaction, Now = now, CancellationToken = ct,
        };
        Journal(state, changes, node, resume is null ? "started" : "resumed", null, null, now);
        var result = resume is { } resumed ? await type.ResumeAsync(context, resumed.Payload) : await type.ExecuteAsync(context);
        var summary = Summary(context.InputSummary, result.Output);

        if (result.FinishesInstance)
        {
            changes.DeletedBookmarks.AddRange(state.Waiting.Values);
            changes.ClearedActivities.AddRange(state.Waiting.Keys);
            state.Waiting.Clear();
            state.Queue.Clear();
            state.Path.Add($"{node.Id}:Finish");
            Journal(state, changes, node, "finished", null, summary, now);
            return WorkflowStatus.Finished;
        }
        if (result.Waits)
        {
            // Waiting keeps one of the activity's bookmarks; an activity waiting on several has the rest found by its id.
            var anchor = result.KeepsWaiting ? waitedOn : null;
            foreach (var bookmark in result.Bookmarks)
            {
                var id = bookmark.Id ?? Guid.NewGuid();
                changes.CreatedBookmarks.Add(new BookmarkRow(id, instanceId ?? Guid.Empty, node.Id, bookmark.Name, bookmark.DueAt));
                anchor ??= id;
            }
            state.Waiting[node.Id] = anchor ?? Guid.Empty;
            Journal(state, changes, node, "suspended", result.Bookmark?.Name ?? "waiting", summary, now);
        }
        else
        {
            // A resumed activity that completes leaves none of its bookmarks behind (an approval's other approvers, its timer).
            if (resume is not null) changes.ClearedActivities.Add(node.Id);
            state.Path.Add($"{node.Id}:{string.Join(",", result.Outcomes)}");
            Journal(state, changes, node, "completed", string.Join(",", result.Outcomes), summary, now);
            FlowScheduler.Follow(definition, state, node.Id, result.Outcomes, changes);
        }
        return StatusOf(state);
    }

    public static string StatusOf(InstanceState state) =>
        state.Queue.Count > 0 ? WorkflowStatus.Running : state.Waiting.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished;

    public static void Journal(InstanceState state, StepChanges changes, ActivityNode? node, string @event, string? outcome, string? summary, DateTime at) =>
        changes.Journal.Add(new JournalEntry(++state.JournalSequence, node?.Id, node?.Type, @event, outcome, summary, at));

    private static string? Summary(JsonObject inputs, JsonNode? output)
    {
        if (inputs.Count == 0 && output is null) return null;
        var text = new JsonObject { ["inputs"] = inputs.DeepClone(), ["output"] = output?.DeepClone() }.ToJsonString();
        return text.Length > MaxSummaryChars ? text[..MaxSummaryChars] + "…" : text;
    }
}
