using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Records;
using Platform.Records.Transactions;
using Platform.Runtime;
using Platform.Templates;
using Platform.Workflows.Activities;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Runs persisted instances. Each step (one activity with its record writes, the instance's new state, the bookmarks
/// and timers it created or consumed, its journal) is one transaction; a step that throws rolls back and the instance
/// faults with an incident, its failed activity still at the head of the queue for a retry. A host runs an instance only
/// under its lease (a conditional update), and resumes a bookmark only by deleting it (DELETE … RETURNING), so a
/// stimulus resumes the waiting instance once.
/// </summary>
public sealed partial class WorkflowEngine(
    RecordService records, WorkflowRunServices services, IWorkflowMailer mailer, IWorkflowNotifier notifier, WorkflowHttp http,
    WorkflowOptions options, TimeProvider clock, ILogger<WorkflowEngine>? logger = null)
{
    private readonly ConcurrentDictionary<(string Tenant, string Workflow, long Version), WorkflowDefinition> _published = new();
    private readonly ActivityStepper _stepper = new(services);
    private readonly ILogger _logger = logger ?? NullLogger<WorkflowEngine>.Instance;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Creates an instance of a published version and runs it until it waits, ends or faults. Returns null when
    /// <see cref="StartRequest.StartKey"/> started an instance before (a trigger delivered twice).
    /// </summary>
    public async Task<Guid?> StartAsync(TenantRuntime runtime, StoredWorkflow workflow, StartRequest request, CancellationToken ct)
    {
        var definition = Definition(runtime, workflow);
        var state = new InstanceState
        {
            Variables = (JsonObject)definition.Variables.DeepClone(), Input = request.Input?.DeepClone(), Entity = request.Entity, RecordId = request.RecordId,
            Actor = ActorSnapshot.Of(request.Actor), Queue = definition.StartActivities.Select(a => a.Id).ToList(),
        };
        var id = Guid.CreateVersion7(); // time-ordered: appends to the instance and journal indexes
        var now = Now;
        var started = new StepChanges();
        ActivityStepper.Journal(state, started, null, "started", null, null, now);
        var row = new InstanceRow(id, workflow.WorkflowId, workflow.Version, WorkflowStatus.Running, request.Entity, request.RecordId, state.Serialize(), now, now, null);
        // The row is inserted by the run's first transaction, with the first batch of steps (a flow of batchable
        // activities that does not wait commits once); the run does not read back what it holds.
        var run = await RunLeasedAsync(runtime, id, null, new LoadedInstance(definition, state, new PendingInsert(row, request.StartKey, started.Journal)), ct);
        return run.DuplicateStart ? null : id;
    }

    /// <summary>Continues an instance that is running (its host stopped) if no other host holds it.</summary>
    public async Task RunAsync(TenantRuntime runtime, Guid id, CancellationToken ct)
    {
        if (!await WorkflowStore.TryLeaseAsync(runtime, id, options.Node, Now, Now + options.Lease, ct)) return;
        await RunLeasedAsync(runtime, id, null, null, ct);
    }

    /// <summary>Cancels an instance that has not ended: its bookmarks and timers are deleted and its incidents closed.</summary>
    public async Task<InstanceCommandResult> CancelAsync(TenantRuntime runtime, Guid id, CancellationToken ct)
    {
        if (await WorkflowStore.FindInstanceAsync(runtime, id, ct) is not { } row) return InstanceCommandResult.NotFound;
        if (WorkflowStatus.IsEnded(row.Status)) return InstanceCommandResult.WrongStatus;
        if (!await WorkflowStore.TryLeaseAsync(runtime, id, options.Node, Now, Now + options.Lease, ct)) return InstanceCommandResult.Busy;
        var state = InstanceState.Deserialize(row.State);
        await using (var session = await runtime.Store.OpenAsync(write: true, ct))
        {
            var changes = new StepChanges { ResolveIncidents = "cancelled" };
            changes.DeletedBookmarks.AddRange(await WorkflowStore.BookmarksOfAsync(session, runtime.Store.Database, id, ct));
            state.Waiting.Clear();
            state.Queue.Clear();
            ActivityStepper.Journal(state, changes, null, "cancelled", null, null, Now);
            await WorkflowStore.SaveStepAsync(session, runtime.Store.Database, id, WorkflowStatus.Cancelled, state, Now, null, changes, ct);
            // Its approvals' pending tasks end with it, in the same transaction: no one is left asked to decide them.
            await Approvals.ApprovalStore.CancelPendingOfAsync(session, runtime.Store.Database, id, "instance cancelled", Now, ct);
            await session.CommitAsync(ct);
        }
        return InstanceCommandResult.Done;
    }

    /// <summary>
    /// Retries a faulted instance from the activity that failed: it is still at the head of the queue (or, if it failed
    /// resuming, still waiting on its bookmark, whose timer is released to fire again).
    /// </summary>
    public async Task<InstanceCommandResult> RetryAsync(TenantRuntime runtime, Guid id, CancellationToken ct)
    {
        if (await WorkflowStore.FindInstanceAsync(runtime, id, ct) is not { } row) return InstanceCommandResult.NotFound;
        if (row.Status != WorkflowStatus.Faulted) return InstanceCommandResult.WrongStatus;
        if (!await WorkflowStore.TryLeaseAsync(runtime, id, options.Node, Now, Now + options.Lease, ct)) return InstanceCommandResult.Busy;
        var state = InstanceState.Deserialize(row.State);
        var status = ActivityStepper.StatusOf(state);
        await using (var session = await runtime.Store.OpenAsync(write: true, ct))
        {
            var changes = new StepChanges { ResolveIncidents = "retried" };
            var definition = await LoadAsync(runtime, row, ct);
            ActivityStepper.Journal(state, changes, state.Queue.Count > 0 ? definition?.Find(state.Queue[0]) : null, "retried", null, null, Now);
            await WorkflowStore.SaveStepAsync(session, runtime.Store.Database, id, status, state, Now, Now + options.Lease, changes, ct);
            await WorkflowStore.ReleaseTimersAsync(session, runtime.Store.Database, id, ct);
            await session.CommitAsync(ct);
        }
        await RunLeasedAsync(runtime, id, null, null, ct);
        return InstanceCommandResult.Done;
    }

    public WorkflowDefinition Definition(TenantRuntime runtime, StoredWorkflow workflow) =>
        workflow.Version == WorkflowDefinitionStore.Draft
            ? WorkflowParser.Parse(workflow.Json)
            : _published.GetOrAdd((runtime.Id, workflow.WorkflowId, workflow.Version), _ => WorkflowParser.Parse(workflow.Json));

    private async Task<WorkflowDefinition?> LoadAsync(TenantRuntime runtime, InstanceRow row, CancellationToken ct)
    {
        if (_published.TryGetValue((runtime.Id, row.WorkflowId, row.Version), out var cached)) return cached;
        return await WorkflowDefinitionStore.FindAsync(runtime, row.WorkflowId, row.Version, ct) is { } stored ? Definition(runtime, stored) : null;
    }

    /// <summary>
    /// Runs steps while this host (or this resume, <paramref name="owner"/>) holds the lease. The last step saved (the
    /// instance waits, ends or faults) releases it in its own transaction; only a run that stopped otherwise releases
    /// it separately.
    /// </summary>
    private async Task<RunProgress> RunLeasedAsync(
        TenantRuntime runtime, Guid id, (Guid Bookmark, JsonNode? Payload)? resume, LoadedInstance? loaded, CancellationToken ct, string? owner = null)
    {
        var run = new RunProgress();
        try
        {
            run.Ran = await RunStepsAsync(runtime, id, resume, loaded, run, ct);
            return run;
        }
        finally
        {
            if (!run.LeaseReleased) await WorkflowStore.ReleaseLeaseAsync(runtime, id, owner ?? options.Node, CancellationToken.None);
        }
    }

    private async Task<bool> RunStepsAsync(
        TenantRuntime runtime, Guid id, (Guid Bookmark, JsonNode? Payload)? resume, LoadedInstance? loaded, RunProgress run, CancellationToken ct)
    {
        if (loaded is null)
        {
            if (await WorkflowStore.FindInstanceAsync(runtime, id, ct) is not { } row) return false;
            if (row.Status is not (WorkflowStatus.Running or WorkflowStatus.Suspended)) return false;
            if (await LoadAsync(runtime, row, ct) is not { } found) return false;
            loaded = new LoadedInstance(found, InstanceState.Deserialize(row.State));
        }
        var definition = loaded.Definition;
        var state = loaded.State;
        var insert = loaded.Insert;
        var actor = state.Actor.ToActor();
        var effects = new WorkflowEffects(records, mailer, notifier, http, runtime, actor, capture: false);
        var steps = 0;
        var batching = true;
        while (true)
        {
            if (resume is null && state.Queue.Count == 0 && insert is null) return true;
            var snapshot = state.Clone();
            var stepsBefore = steps;
            // Steps this transaction completed, and whether all were batchable (so may run again after a rollback).
            var completed = 0;
            var replayable = true;
            string? failing = null;
            try
            {
                var status = await records.InOneTransactionAsync(runtime, async () =>
                {
                    await using var scope = RecordScope.Begin(runtime);
                    var session = await scope.SessionAsync(ct);
                    if (insert is { } created)
                    {
                        if (!await WorkflowStore.InsertInstanceAsync(session, runtime.Store.Database, created.Row, created.StartKey, options.Node, Now + options.Lease, created.Journal, ct))
                            return DuplicateStart;
                        // Any other first activity runs in a transaction of its own, after the insert commits.
                        if (!Batchable(definition, state.Queue.FirstOrDefault() ?? "")) return WorkflowStatus.Running;
                    }
                    var changes = new StepChanges();
                    (string, JsonNode?)? resumed = null;
                    if (resume is { } r)
                    {
                        if (await WorkflowStore.BurnBookmarkAsync(session, runtime.Store.Database, r.Bookmark, id, ct) is not { } activity) return null;
                        resumed = (activity, r.Payload);
                    }
                    string next;
                    // Steps of batchable activities share the transaction; any other activity runs in one of its own.
                    do
                    {
                        failing = resumed?.Item1 ?? state.Queue[0];
                        if (steps >= options.MaxStepsPerRun)
                            throw new WorkflowActivityException($"The instance ran {options.MaxStepsPerRun} activities without waiting (a loop?).");
                        next = await _stepper.StepAsync(runtime, definition, id, state, actor, effects, Now, changes, resumed, session, ct);
                        steps++;
                        completed++;
                        replayable &= Batchable(definition, failing);
                        resumed = null;
                    }
                    while (batching && next == WorkflowStatus.Running && Batchable(definition, failing) && Batchable(definition, state.Queue[0]));
                    await WorkflowStore.SaveStepAsync(session, runtime.Store.Database, id, next, state, Now,
                        next == WorkflowStatus.Running ? Now + options.Lease : null, changes, ct);
                    return next;
                }, ct);
                if (status is null) return false;
                if (status == DuplicateStart)
                {
                    run.DuplicateStart = run.LeaseReleased = true;
                    return false;
                }
                insert = null;
                resume = null;
                if (status != WorkflowStatus.Running)
                {
                    run.LeaseReleased = true;
                    return true;
                }
            }
            catch (Exception) when (!ct.IsCancellationRequested && (insert is not null || (batching && completed > 0 && replayable)))
            {
                // A step of a batch failed, or the first step of a new instance: everything rolled back (only batchable
                // steps ran, so running them again changes nothing outside). Run again from the state before, the new
                // instance inserted first and one step per transaction, so the steps before the failing one commit
                // and it faults alone.
                state = snapshot;
                steps = stepsBefore;
                batching = false;
                if (insert is { } created)
                {
                    await using var session = await runtime.Store.OpenAsync(write: true, ct);
                    if (!await WorkflowStore.InsertInstanceAsync(session, runtime.Store.Database, created.Row, created.StartKey, options.Node, Now + options.Lease, created.Journal, ct))
                    {
                        run.DuplicateStart = run.LeaseReleased = true;
                        return false;
                    }
                    await session.CommitAsync(ct);
                    insert = null;
                }
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                await FaultAsync(runtime, id, snapshot, definition.Find(failing ?? ""), exception, ct);
                run.LeaseReleased = true;
                return true;
            }
        }
    }

    private static bool Batchable(WorkflowDefinition definition, string activityId) =>
        definition.Find(activityId) is { } node && BatchableActivities.Contains(node.Type);

    /// <summary>What the first transaction returns when the start key was used before.</summary>
    private const string DuplicateStart = "duplicate-start";

    /// <summary>An instance whose definition and state the caller already holds; a new one still to be inserted.</summary>
    private sealed record LoadedInstance(WorkflowDefinition Definition, InstanceState State, PendingInsert? Insert = null);

    /// <summary>A new instance's row, start key and "started" journal entry, inserted by its first transaction.</summary>
    private sealed record PendingInsert(InstanceRow Row, string? StartKey, IReadOnlyList<JournalEntry> Journal);

    /// <summary>How a run went: whether it ran, whether its last saved step released the lease, whether its start key was used before.</summary>
    private sealed class RunProgress
    {
        public bool Ran { get; set; }
        public bool LeaseReleased { get; set; }
        public bool DuplicateStart { get; set; }
    }

    private async Task FaultAsync(TenantRuntime runtime, Guid id, InstanceState state, ActivityNode? node, Exception exception, CancellationToken ct)
    {
        var error = Describe(exception);
        _logger.LogInformation("Tenant {Tenant}: workflow instance {Instance} faulted in {Activity}: {Error}", runtime.Id, id, node?.Id, error);
        var changes = new StepChanges { Incident = new IncidentRow(Guid.NewGuid(), id, node?.Id ?? "", error, Now, null, null) };
        ActivityStepper.Journal(state, changes, node, "faulted", null, new JsonObject { ["error"] = error }.ToJsonString(), Now);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await WorkflowStore.SaveStepAsync(session, runtime.Store.Database, id, WorkflowStatus.Faulted, state, Now, null, changes, ct);
        await session.CommitAsync(ct);
    }

    /// <summary>The error as an administrator should read it: the record service's and the sandbox's messages are already for people.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        Records.Scripting.RecordScriptException script => script.Error.ToString(),
        TemplateException template => $"The template {template.Template} failed at line {template.Line}, column {template.Column}: {template.Reason}",
        RecordException or WorkflowActivityException or WorkflowHttpRefusedException => exception.Message,
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}

/// <summary>How an instance is started: its record, input, identity, and the key that makes a repeated trigger start nothing.</summary>
public sealed record StartRequest(string? Entity, Guid? RecordId, JsonNode? Input, RecordActor Actor, string? StartKey);

public enum InstanceCommandResult { Done, NotFound, WrongStatus, Busy }
