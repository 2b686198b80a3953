using System.Text.Json.Nodes;
using Platform.Records.Transactions;
using Platform.Runtime;
using Platform.Storage.Records;
using Platform.Workflows.Activities;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Starts many instances (the workflows a batch of committed writes triggered) with as few transactions as
    /// possible: the leading state-only steps of each new instance run first (a flow of such steps that does not wait
    /// ends there), then one transaction writes every instance as its steps left it — those whose steps changed only
    /// their own state as final rows, many per statement. An instance that reaches any other activity continues alone
    /// after the commit, as <see cref="StartAsync"/> would. If a step or the shared transaction fails, nothing of the
    /// batch is kept and every start runs again one at a time, so the failing one faults alone. Outcomes are in the
    /// order of <paramref name="starts"/>.
    /// </summary>
    public async Task<IReadOnlyList<StartOutcome>> StartManyAsync(
        TenantRuntime runtime, IReadOnlyList<(StoredWorkflow Workflow, StartRequest Request)> starts, CancellationToken ct)
    {
        if (starts.Count == 0) return [];
        if (starts.Count == 1) return [await StartOneAsync(runtime, starts[0].Workflow, starts[0].Request, ct)];
        var pending = starts.Select(s => NewInstance(runtime, s.Workflow, s.Request)).ToList();
        IReadOnlyList<string?> statuses;
        try
        {
            // The steps run before the write transaction opens: they touch only the instances' state, and on a
            // single-writer database (SQLite) every request waits while delivery holds the writer.
            var stepped = new List<SteppedStart>(pending.Count);
            foreach (var instance in pending) stepped.Add(await StepAheadAsync(runtime, instance, ct));
            statuses = await records.InOneTransactionAsync(runtime, async () =>
            {
                await using var scope = RecordScope.Begin(runtime);
                var session = await scope.SessionAsync(ct);
                return await SaveStartedAsync(runtime, session, stepped, ct);
            }, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Nothing of the batch was kept: each start on its own, where a failing step faults its instance alone.
            var outcomes = new List<StartOutcome>(starts.Count);
            foreach (var (workflow, request) in starts) outcomes.Add(await StartOneAsync(runtime, workflow, request, ct));
            return outcomes;
        }
        var results = new List<StartOutcome>(starts.Count);
        for (var i = 0; i < pending.Count; i++)
        {
            var instance = pending[i];
            if (statuses[i] is not { } status)
            {
                results.Add(StartOutcome.Duplicate);
                continue;
            }
            if (status != WorkflowStatus.Running)
            {
                results.Add(new StartOutcome(instance.Id, null));
                continue;
            }
            try
            {
                // Committed and leased to this host: the rest runs as any started instance's does.
                await RunLeasedAsync(runtime, instance.Id, null, new LoadedInstance(instance.Definition, instance.State), ct);
                results.Add(new StartOutcome(instance.Id, null));
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                results.Add(new StartOutcome(instance.Id, exception));
            }
        }
        return results;
    }

    private async Task<StartOutcome> StartOneAsync(TenantRuntime runtime, StoredWorkflow workflow, StartRequest request, CancellationToken ct)
    {
        try
        {
            return await StartAsync(runtime, workflow, request, ct) is { } id ? new StartOutcome(id, null) : StartOutcome.Duplicate;
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            return new StartOutcome(null, exception);
        }
    }

    /// <summary>A new instance as <see cref="StartAsync"/> makes it: state, row, start key and "started" journal entry.</summary>
    private NewStart NewInstance(TenantRuntime runtime, StoredWorkflow workflow, StartRequest request)
    {
        var definition = Definition(runtime, workflow);
        var state = new InstanceState
        {
            Variables = (JsonObject)definition.Variables.DeepClone(), Input = request.Input?.DeepClone(), Entity = request.Entity, RecordId = request.RecordId,
            Actor = ActorSnapshot.Of(request.Actor), Queue = definition.StartActivities.Select(a => a.Id).ToList(),
        };
        // Time-ordered: new instances append to the primary key (and the journal's instance index) instead of landing at
        // random pages; 74 random bits keep the id unguessable enough for the URLs it appears in.
        var id = Guid.CreateVersion7();
        var now = Now;
        var started = new StepChanges();
        ActivityStepper.Journal(state, started, null, "started", null, null, now);
        // The state is serialised once, after the leading steps (SteppedStart.State), not here as well.
        var row = new InstanceRow(id, workflow.WorkflowId, workflow.Version, WorkflowStatus.Running, request.Entity, request.RecordId, "", now, now, null);
        return new NewStart(id, definition, state, row, request.StartKey, started.Journal);
    }

    /// <summary>
    /// Runs a new instance's leading state-only steps before its row exists and outside any transaction (they touch
    /// nothing but its state); returns its status then — running: it stopped before another kind of activity.
    /// </summary>
    private async Task<SteppedStart> StepAheadAsync(TenantRuntime runtime, NewStart instance, CancellationToken ct)
    {
        var (definition, state) = (instance.Definition, instance.State);
        var changes = new StepChanges();
        if (!Batchable(definition, state.Queue.FirstOrDefault() ?? "")) return new SteppedStart(instance, WorkflowStatus.Running, changes, state.Serialize());
        var actor = state.Actor.ToActor();
        var effects = new WorkflowEffects(records, mailer, notifier, http, runtime, actor, capture: false);
        var steps = 0;
        string next;
        do
        {
            if (steps >= options.MaxStepsPerRun)
                throw new WorkflowActivityException($"The instance ran {options.MaxStepsPerRun} activities without waiting (a loop?).");
            next = await _stepper.StepAsync(runtime, definition, instance.Id, state, actor, effects, Now, changes, null, null, ct);
            steps++;
        }
        while (next == WorkflowStatus.Running && Batchable(definition, state.Queue[0]));
        // Serialised here, before the write transaction opens: on SQLite every request waits while delivery writes.
        return new SteppedStart(instance, next, changes, state.Serialize());
    }

    /// <summary>
    /// Writes the stepped instances: those whose steps changed only their state and journal as final rows in a few
    /// multi-row statements; the others (bookmarks, timers) as a start alone writes them. Returns each one's status,
    /// null for one whose start key was used before. A running one stays leased to this host.
    /// </summary>
    private async Task<IReadOnlyList<string?>> SaveStartedAsync(TenantRuntime runtime, RecordSession session, IReadOnlyList<SteppedStart> stepped, CancellationToken ct)
    {
        var database = runtime.Store.Database;
        var now = Now;
        var lease = now + options.Lease;
        var simple = stepped.Where(x => x.OnlyStateChanged).ToList();
        var inserted = await WorkflowStartBatchStore.InsertInstancesAsync(session, database, simple.Select(x => new NewInstanceRow(
            x.Instance.Row with
            {
                Status = x.Status, State = x.State, UpdatedAt = now, FinishedAt = WorkflowStatus.IsEnded(x.Status) ? now : null,
            },
            x.Instance.StartKey, x.Status == WorkflowStatus.Running ? options.Node : null, x.Status == WorkflowStatus.Running ? lease : null)).ToList(), ct);
        await WorkflowStartBatchStore.InsertJournalAsync(session, database, simple.Where(x => inserted.Contains(x.Instance.Id))
            .SelectMany(x => x.Instance.Journal.Concat(x.Changes.Journal).Select(entry => (x.Instance.Id, entry))).ToList(), ct);
        var statuses = new List<string?>(stepped.Count);
        foreach (var x in stepped)
        {
            if (x.OnlyStateChanged)
            {
                statuses.Add(inserted.Contains(x.Instance.Id) ? x.Status : null);
                continue;
            }
            if (!await WorkflowStore.InsertInstanceAsync(session, database, x.Instance.Row with { State = x.State }, x.Instance.StartKey, options.Node, lease, x.Instance.Journal, ct))
            {
                statuses.Add(null);
                continue;
            }
            await WorkflowStore.SaveStepAsync(session, database, x.Instance.Id, x.Status, x.Instance.State, now,
                x.Status == WorkflowStatus.Running ? lease : null, x.Changes, ct);
            statuses.Add(x.Status);
        }
        return statuses;
    }

    /// <summary>A new instance after its leading steps: its status then, what the steps changed and its serialised state.</summary>
    private sealed record SteppedStart(NewStart Instance, string Status, StepChanges Changes, string State)
    {
        public bool OnlyStateChanged =>
            Changes is { CreatedBookmarks.Count: 0, DeletedBookmarks.Count: 0, ClearedActivities.Count: 0, Incident: null, ResolveIncidents: null };
    }

    /// <summary>A new instance of a batch, before its insert.</summary>
    private sealed record NewStart(Guid Id, WorkflowDefinition Definition, InstanceState State, InstanceRow Row, string? StartKey, IReadOnlyList<JournalEntry> Journal);
}
