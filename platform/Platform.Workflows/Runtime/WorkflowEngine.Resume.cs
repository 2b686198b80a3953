using System.Text.Json.Nodes;
using Platform.Records.Transactions;
using Platform.Runtime;
using Platform.Storage.Records;
using Platform.Workflows.Activities;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Resuming a waiting instance in one transaction: the lease is taken by the statement that reads the instance
/// (UPDATE … RETURNING), the bookmark consumed, the resumed activity and the batchable steps after it run, and the save
/// releases the lease when the instance waits or ends — one commit where lease, read, step and release were four.
/// </summary>
public sealed partial class WorkflowEngine
{
    /// <summary>Resumes the activity waiting on a bookmark (a timer that fired, an approver's decision); false when the bookmark was consumed already or the instance is busy elsewhere.</summary>
    public async Task<bool> ResumeAsync(TenantRuntime runtime, Guid instanceId, Guid bookmarkId, JsonNode? payload, CancellationToken ct)
    {
        // A lease of this resume alone: two stimuli arriving at one host at once (two approvers' decisions, a decision
        // and a due timer) must not both run the instance, as they would under the host's shared name.
        var owner = $"{options.Node}:{Guid.NewGuid():N}";
        var resumed = new ResumedRun();
        try
        {
            resumed.Status = await records.InOneTransactionAsync(runtime, async () =>
            {
                await using var scope = RecordScope.Begin(runtime);
                var session = await scope.SessionAsync(ct);
                var database = runtime.Store.Database;
                var until = Now + options.Lease;
                // The lease before the bookmark: a second stimulus for the instance waits on its row (PostgreSQL) instead of
                // holding a bookmark this step may have to delete.
                if ((await WorkflowResumeBatchStore.LeaseAsync(session, database, [instanceId], owner, Now, until, ct)).GetValueOrDefault(instanceId) is not { } row) return null;
                if (await DefinitionOfAsync(runtime, row.WorkflowId, row.Version, ct) is not { } definition) throw new ResumeRefused();
                if (await WorkflowStore.BurnBookmarkAsync(session, database, bookmarkId, instanceId, ct) is not { } activity) throw new ResumeRefused();
                var state = InstanceState.Deserialize(row.State);
                var changes = new StepChanges();
                var status = await RunResumedAsync(runtime, session, instanceId, definition, state, (activity, payload), changes, ct);
                await WorkflowStore.SaveStepAsync(session, database, instanceId, status, state, Now, status == WorkflowStatus.Running ? until : null, changes, ct);
                (resumed.Definition, resumed.State) = (definition, state);
                return status;
            }, ct);
        }
        catch (ResumeRefused)
        {
            // Rolled back with the lease it took: the bookmark was consumed by another stimulus, or the version is gone.
            return false;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The step failed and everything rolled back, the lease too. Every activity that waits (Delay, WaitUntil,
            // Approval) keeps its effects in the transaction, so running the resume again changes nothing outside: the
            // one-step-per-transaction path does, and faults the failing activity alone with an incident.
            if (!await WorkflowStore.TryLeaseAsync(runtime, instanceId, owner, Now, Now + options.Lease, ct)) return false;
            return (await RunLeasedAsync(runtime, instanceId, (bookmarkId, payload), null, ct, owner)).Ran;
        }
        if (resumed.Status is null) return false;
        // The next activity is not batchable: it runs in a transaction of its own, under the lease the step kept.
        if (resumed.Status == WorkflowStatus.Running)
            await RunLeasedAsync(runtime, instanceId, null, new LoadedInstance(resumed.Definition!, resumed.State!), ct, owner);
        return true;
    }

    /// <summary>
    /// Runs the resumed activity, then the head of the queue while the step before and it are batchable, in the caller's
    /// transaction; answers the instance's status after them.
    /// </summary>
    private async Task<string> RunResumedAsync(
        TenantRuntime runtime, RecordSession session, Guid id, WorkflowDefinition definition, InstanceState state, (string Activity, JsonNode? Payload) resumed,
        StepChanges changes, CancellationToken ct)
    {
        var actor = state.Actor.ToActor();
        var effects = new WorkflowEffects(records, mailer, notifier, http, runtime, actor, capture: false);
        (string, JsonNode?)? resume = resumed;
        string ran;
        string next;
        var steps = 0;
        do
        {
            ran = resume?.Item1 ?? state.Queue[0];
            if (++steps > options.MaxStepsPerRun)
                throw new WorkflowActivityException($"The instance ran {options.MaxStepsPerRun} activities without waiting (a loop?).");
            next = await _stepper.StepAsync(runtime, definition, id, state, actor, effects, Now, changes, resume, session, ct);
            resume = null;
        }
        while (next == WorkflowStatus.Running && Batchable(definition, ran) && Batchable(definition, state.Queue[0]));
        return next;
    }

    /// <summary>The published (or draft) definition an instance runs, parsed once per tenant and version.</summary>
    private async Task<WorkflowDefinition?> DefinitionOfAsync(TenantRuntime runtime, string workflowId, long version, CancellationToken ct)
    {
        if (_published.TryGetValue((runtime.Id, workflowId, version), out var cached)) return cached;
        return await WorkflowDefinitionStore.FindAsync(runtime, workflowId, version, ct) is { } stored ? Definition(runtime, stored) : null;
    }

    /// <summary>What the resume's transaction left for after its commit.</summary>
    private sealed class ResumedRun
    {
        public string? Status { get; set; }
        public WorkflowDefinition? Definition { get; set; }
        public InstanceState? State { get; set; }
    }

    /// <summary>Thrown to roll the resume's transaction back when it must not go on (the lease it took goes with it).</summary>
    private sealed class ResumeRefused : Exception;
}
