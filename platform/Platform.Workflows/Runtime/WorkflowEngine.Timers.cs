using Platform.Records.Transactions;
using Platform.Runtime;
using Platform.Storage.Records;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Firing a batch of due timers in one transaction: the instances are leased and read by one statement, the timers'
/// bookmarks consumed by one, each instance's resumed activity and the batchable steps after it run, and the saves are
/// multi-row statements for instance states, bookmarks and journal. A burst of timers costs a few statements per batch
/// and one commit per batch instead of several transactions per instance.
/// </summary>
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Fires claimed timers. An instance busy elsewhere (or with a second timer in the batch) is left for the next poll,
    /// its timer's claim dropped. If any instance's step fails, nothing of the batch is kept and each timer fires on its
    /// own (<see cref="ResumeAsync"/>), so a failing instance faults alone.
    /// </summary>
    public async Task ResumeTimersAsync(TenantRuntime runtime, IReadOnlyList<BookmarkRow> timers, CancellationToken ct)
    {
        if (timers.Count == 0) return;
        await FireTimerBatchAsync(runtime, _ => Task.FromResult(timers), claimed: true, ct);
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> timers due by <paramref name="dueBy"/> (the poller passes <see cref="Now"/>)
    /// and fires them in one transaction, the take being the batch's first statement: on a single-writer database
    /// (SQLite) a claim of its own was a second commit — a second WAL fsync — per batch. The same guarantees as
    /// <see cref="ResumeTimersAsync"/>; a timer left (its instance busy) stays due for a later take.
    /// </summary>
    public Task<TimerBatchOutcome> FireDueTimersAsync(TenantRuntime runtime, DateTime dueBy, int limit, CancellationToken ct) =>
        FireTimerBatchAsync(runtime, session => WorkflowResumeBatchStore.DueTimersAsync(session, runtime.Store.Database, dueBy, limit, ct), claimed: false, ct);

    /// <param name="take">The batch's timers, read in its transaction (given, or taken by its first statement).</param>
    /// <param name="claimed">Whether the timers were claimed (leased) before: the claims of those not fired are dropped.</param>
    private async Task<TimerBatchOutcome> FireTimerBatchAsync(
        TenantRuntime runtime, Func<RecordSession, Task<IReadOnlyList<BookmarkRow>>> take, bool claimed, CancellationToken ct)
    {
        var owner = $"{options.Node}:{Guid.NewGuid():N}";
        var continuing = new List<(Guid Id, WorkflowDefinition Definition, InstanceState State)>();
        IReadOnlyList<BookmarkRow> timers = [];
        int fired;
        try
        {
            fired = await records.InOneTransactionAsync(runtime, async () =>
            {
                continuing.Clear();
                await using var scope = RecordScope.Begin(runtime);
                var session = await scope.SessionAsync(ct);
                timers = await take(session);
                if (timers.Count == 0) return 0;
                var database = runtime.Store.Database;
                var until = Now + options.Lease;
                var leased = await WorkflowResumeBatchStore.LeaseAsync(session, database, timers.Select(t => t.InstanceId).Distinct().ToList(), owner, Now, until, ct);
                // One timer per instance: a second one of the same instance waits for the next poll, after this one's step.
                var firing = timers.Where(t => leased.ContainsKey(t.InstanceId)).DistinctBy(t => t.InstanceId).ToList();
                var burned = await WorkflowResumeBatchStore.BurnAsync(session, database, firing.Select(t => t.Id).ToList(), ct);
                var saves = new List<InstanceSave>(firing.Count);
                var unused = new List<Guid>();
                foreach (var timer in firing)
                {
                    var row = leased[timer.InstanceId];
                    if (!burned.TryGetValue(timer.Id, out var activity) || await DefinitionOfAsync(runtime, row.WorkflowId, row.Version, ct) is not { } definition)
                    {
                        unused.Add(row.Id);
                        continue;
                    }
                    var state = InstanceState.Deserialize(row.State);
                    var changes = new StepChanges();
                    var status = await RunResumedAsync(runtime, session, row.Id, definition, state, (activity, null), changes, ct);
                    saves.Add(new InstanceSave(row.Id, status, state, status == WorkflowStatus.Running ? until : null, changes));
                    if (status == WorkflowStatus.Running) continuing.Add((row.Id, definition, state));
                }
                await WorkflowResumeBatchStore.SaveStepsAsync(session, database, saves, Now, ct);
                await WorkflowResumeBatchStore.ReleaseAsync(session, database, unused, owner, ct);
                if (claimed)
                {
                    var done = firing.Select(t => t.Id).ToHashSet();
                    await WorkflowResumeBatchStore.UnclaimAsync(session, database, timers.Where(t => !done.Contains(t.Id)).Select(t => t.Id).ToList(), ct);
                }
                return saves.Count;
            }, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested && timers.Count > 0)
        {
            // Everything of the batch rolled back (an instance's step failed, or the database refused the batch).
            var alone = 0;
            foreach (var timer in timers)
                if (await ResumeAsync(runtime, timer.InstanceId, timer.Id, null, ct)) alone++;
            return new TimerBatchOutcome(timers.Count, alone);
        }
        // Instances whose next activity is not batchable go on in transactions of their own, under the lease the batch kept.
        foreach (var (id, definition, state) in continuing)
            await RunLeasedAsync(runtime, id, null, new LoadedInstance(definition, state), ct, owner);
        return new TimerBatchOutcome(timers.Count, fired);
    }
}
