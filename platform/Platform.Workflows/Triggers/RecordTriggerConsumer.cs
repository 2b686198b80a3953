using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Metadata.Definitions;
using Platform.Records;
using Platform.Records.Events;
using Platform.Records.Outbox;
using Platform.Records.Scripting;
using Platform.Runtime;
using Platform.Workflows.Activities;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Triggers;

/// <summary>
/// Starts workflows from committed record changes (the outbox): a rolled-back write leaves no event, a host that stops
/// after the commit delivers it later, and a delivery seen twice starts one instance, because each instance's start key
/// is the delivery's idempotency key plus the workflow id (unique). recordUpdated triggers may name fields (at least one
/// must have changed) and a condition, evaluated on the record as it is when the event is delivered.
/// A claimed batch is handled at once: the tenant's trigger index is looked up once, each acting user and each record
/// a condition needs is read once, the conditions share one script engine, and the instances start together
/// (<see cref="WorkflowEngine.StartManyAsync"/>). An event no trigger concerns costs its index lookup only.
/// </summary>
public sealed class RecordTriggerConsumer(
    WorkflowEngine engine, RecordService records, WorkflowExpressions expressions, WorkflowActors actors, ModuleWorkflowPublisher modules,
    WorkflowTriggerIndex index, TenantScriptRunner scripts, ILogger<RecordTriggerConsumer>? logger = null) : IOutboxBatchConsumer
{
    private const int RecordsPerRead = 500;
    private readonly ILogger _logger = logger ?? NullLogger<RecordTriggerConsumer>.Instance;

    public string Name => "workflows.record-triggers";

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        if ((await HandleBatchAsync([delivery], ct))[0] is { } failure) throw failure;
    }

    public async Task<IReadOnlyList<Exception?>> HandleBatchAsync(IReadOnlyList<OutboxDelivery> deliveries, CancellationToken ct)
    {
        var outcomes = new Exception?[deliveries.Count];
        if (deliveries.Count == 0) return outcomes;
        var runtime = deliveries[0].Runtime;
        if (deliveries.Any(d => d.Runtime.Id != runtime.Id)) throw new ArgumentException("A batch of deliveries belongs to one tenant.", nameof(deliveries));
        await modules.EnsureAsync(runtime, ct);
        var triggers = await index.ForAsync(runtime, ct);
        var matches = deliveries.Select(d => triggers.For(d.Event.Entity, d.Event.Kind, d.Event.ChangedFields)).ToList();
        if (matches.All(m => m.Count == 0)) return outcomes;

        var recordsById = await ReadRecordsAsync(runtime, deliveries, matches, ct);
        var users = new Dictionary<(string Workflow, Guid? User), RecordActor>();
        var starts = new List<(int Delivery, StoredWorkflow Workflow, StartRequest Request)>();
        using (var engines = scripts.HoldEngines())
        {
            for (var i = 0; i < deliveries.Count; i++)
            {
                var change = deliveries[i].Event;
                foreach (var trigger in matches[i])
                {
                    try
                    {
                        var actor = await ActorAsync(runtime, trigger, change.ActorId, users, ct);
                        if (trigger.Condition is { } condition)
                        {
                            var record = change.Kind == RecordChangeKind.Deleted
                                ? new Dictionary<string, object?> { ["id"] = change.RecordId }
                                : recordsById.GetValueOrDefault((change.Entity, change.RecordId));
                            if (record is null) continue;
                            if (!await HoldsAsync(runtime, trigger, condition, actor, record, change, engines, ct)) continue;
                        }
                        starts.Add((i, trigger.Stored, new StartRequest(change.Entity, change.RecordId, null, actor,
                            $"{deliveries[i].IdempotencyKey}:{trigger.Stored.WorkflowId}")));
                    }
                    catch (Exception exception) when (!ct.IsCancellationRequested)
                    {
                        // This event is retried; the batch's other events go on.
                        outcomes[i] ??= exception;
                    }
                }
            }
        }
        // A failed event starts nothing now: its retry starts all of its workflows (start keys skip any started twice).
        var kept = starts.Where(s => outcomes[s.Delivery] is null).ToList();
        var started = await engine.StartManyAsync(runtime, kept.Select(s => (s.Workflow, s.Request)).ToList(), ct);
        for (var k = 0; k < kept.Count; k++)
            if (started[k].Failure is { } failure) outcomes[kept[k].Delivery] ??= failure;
        return outcomes;
    }

    /// <summary>
    /// The records the batch's conditions need, as the platform sees them now, one query per entity and few hundred
    /// ids; a record deleted since is missing (its conditions start nothing).
    /// </summary>
    private async Task<Dictionary<(string Entity, Guid Id), IReadOnlyDictionary<string, object?>>> ReadRecordsAsync(
        TenantRuntime runtime, IReadOnlyList<OutboxDelivery> deliveries, IReadOnlyList<IReadOnlyList<RecordTrigger>> matches, CancellationToken ct)
    {
        var found = new Dictionary<(string, Guid), IReadOnlyDictionary<string, object?>>();
        var needed = deliveries.Where((d, i) => d.Event.Kind != RecordChangeKind.Deleted && matches[i].Any(t => t.Condition is not null))
            .Select(d => (d.Event.Entity, d.Event.RecordId)).Distinct().GroupBy(n => n.Entity);
        foreach (var entity in needed)
        {
            foreach (var chunk in entity.Select(n => n.RecordId).Chunk(RecordsPerRead))
            {
                try
                {
                    foreach (var row in await records.GetManyAsync(runtime, entity.Key, chunk, null, RecordActor.System, ct))
                        if (row.TryGetValue(SystemFields.Id, out var id) && id is Guid guid) found[(entity.Key, guid)] = row;
                }
                catch (RecordNotFoundException)
                {
                    // The entity is gone (a module removed it): none of its records can meet a condition.
                }
            }
        }
        return found;
    }

    /// <summary>The trigger's actor (its runAs role, else the writing user as they are now), read once per batch.</summary>
    private async Task<RecordActor> ActorAsync(
        TenantRuntime runtime, RecordTrigger trigger, Guid? userId, Dictionary<(string, Guid?), RecordActor> users, CancellationToken ct)
    {
        var key = (trigger.Definition.RunAs is null ? "" : trigger.Definition.Id, trigger.Definition.RunAs is null ? userId : null);
        if (users.TryGetValue(key, out var known)) return known;
        return users[key] = await actors.ForTriggerAsync(runtime, trigger.Definition, userId, ct);
    }

    private async Task<bool> HoldsAsync(
        TenantRuntime runtime, RecordTrigger trigger, Platform.Scripting.ScriptSource condition, RecordActor actor, IReadOnlyDictionary<string, object?> record,
        OutboxEvent change, Platform.Scripting.ScriptEngineHold engines, CancellationToken ct)
    {
        try
        {
            var holds = await expressions.EvaluateAsync(new EvaluationScope(runtime, actor, record, trigger.Definition.Variables, null, null), condition, ct, engines);
            return JsonTruth.IsTrue(holds);
        }
        catch (RecordException exception)
        {
            // A condition that fails at run time starts nothing; retrying the delivery would fail the same way.
            _logger.LogWarning("Tenant {Tenant}: the trigger condition of workflow {Workflow} failed on {Entity} {Record}: {Error}",
                runtime.Id, trigger.Definition.Id, change.Entity, change.RecordId, exception.Message);
            return false;
        }
    }
}
