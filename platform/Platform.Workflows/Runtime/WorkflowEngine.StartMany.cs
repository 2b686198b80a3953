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
    /// possible: one transaction inserts every new instance and runs the leading state-only steps of each (a flow of
    /// such steps that does not wait ends there); an instance that reaches any other activity continues alone after
    /// the commit, as <see cref="StartAsync"/> would. If the shared transaction fails (one instance's step threw), it
    /// rolls back whole and every start runs again one at a time, so the failing one faults alone. Outcomes are in the
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
            statuses = await records.InOneTransactionAsync(runtime, async () =>
            {
                await using var scope = RecordScope.Begin(runtime);
                var session = await scope.SessionAsync(ct);
                var result = new List<string?>(pending.Count);
                foreach (var instance in pending) result.Add(await InsertAndStepAsync(runtime, session, instance, ct));
                return result;
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
        var id = Guid.NewGuid();
        var now = Now;
        var started = new StepChanges();
        ActivityStepper.Journal(state, started, null, "started", null, null, now);
        var row = new InstanceRow(id, workflow.WorkflowId, workflow.Version, WorkflowStatus.Running, request.Entity, request.RecordId, state.Serialize(), now, now, null);
        return new NewStart(id, definition, state, row, request.StartKey, started.Journal);
    }

    /// <summary>
    /// Inserts one instance in the shared transaction and runs its leading state-only steps; returns its status then
    /// (running: it stopped before another kind of activity and is still leased to this host), or null when its start
    /// key was used before.
    /// </summary>
    private async Task<string?> InsertAndStepAsync(TenantRuntime runtime, RecordSession session, NewStart instance, CancellationToken ct)
    {
        var database = runtime.Store.Database;
        if (!await WorkflowStore.InsertInstanceAsync(session, database, instance.Row, instance.StartKey, options.Node, Now + options.Lease, instance.Journal, ct))
            return null;
        var (definition, state) = (instance.Definition, instance.State);
        if (!Batchable(definition, state.Queue.FirstOrDefault() ?? "")) return WorkflowStatus.Running;
        var actor = state.Actor.ToActor();
        var effects = new WorkflowEffects(records, mailer, notifier, http, runtime, actor, capture: false);
        var changes = new StepChanges();
        var steps = 0;
        string next;
        do
        {
            if (steps >= options.MaxStepsPerRun)
                throw new WorkflowActivityException($"The instance ran {options.MaxStepsPerRun} activities without waiting (a loop?).");
            next = await _stepper.StepAsync(runtime, definition, instance.Id, state, actor, effects, Now, changes, null, session, ct);
            steps++;
        }
        while (next == WorkflowStatus.Running && Batchable(definition, state.Queue[0]));
        await WorkflowStore.SaveStepAsync(session, database, instance.Id, next, state, Now, next == WorkflowStatus.Running ? Now + options.Lease : null, changes, ct);
        return next;
    }

    /// <summary>A new instance of a batch, before its insert.</summary>
    private sealed record NewStart(Guid Id, WorkflowDefinition Definition, InstanceState State, InstanceRow Row, string? StartKey, IReadOnlyList<JournalEntry> Journal);
}
