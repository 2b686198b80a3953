using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Records;
using Platform.Records.Events;
using Platform.Records.Outbox;
using Platform.Workflows.Activities;
using Platform.Workflows.Definitions;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Triggers;

/// <summary>
/// Starts workflows from committed record changes (the outbox): a rolled-back write leaves no event, a host that stops
/// after the commit delivers it later, and a delivery seen twice starts one instance, because each instance's start key
/// is the delivery's idempotency key plus the workflow id (unique). recordUpdated triggers may name fields (at least one
/// must have changed) and a condition, evaluated on the record as it is when the event is delivered.
/// </summary>
public sealed class RecordTriggerConsumer(
    WorkflowEngine engine, RecordService records, WorkflowExpressions expressions, WorkflowActors actors, ModuleWorkflowPublisher modules, ILogger<RecordTriggerConsumer>? logger = null) : IOutboxConsumer
{
    private readonly ILogger _logger = logger ?? NullLogger<RecordTriggerConsumer>.Instance;

    public string Name => "workflows.record-triggers";

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var (runtime, change) = (delivery.Runtime, delivery.Event);
        var type = change.Kind switch
        {
            RecordChangeKind.Created => TriggerTypes.RecordCreated,
            RecordChangeKind.Updated => TriggerTypes.RecordUpdated,
            _ => TriggerTypes.RecordDeleted,
        };
        IReadOnlyDictionary<string, object?>? record = null;
        await modules.EnsureAsync(runtime, ct);
        foreach (var stored in await WorkflowDefinitionStore.AllLatestPublishedAsync(runtime, ct))
        {
            var definition = engine.Definition(runtime, stored);
            var trigger = definition.Trigger;
            if (trigger.Type != type || trigger.Entity != change.Entity) continue;
            if (type == TriggerTypes.RecordUpdated && trigger.Fields.Count > 0 && !trigger.Fields.Intersect(change.ChangedFields).Any()) continue;
            var actor = await actors.ForTriggerAsync(runtime, definition, change.ActorId, ct);
            if (trigger.Condition is { } condition)
            {
                record ??= await ReadAsync(runtime, change, ct);
                if (record is null) continue;
                try
                {
                    var holds = await expressions.EvaluateAsync(new EvaluationScope(runtime, actor, record, definition.Variables, null, null),
                        WorkflowExpressions.ExpressionSource($"{definition.Id}:trigger.condition", condition), ct);
                    if (!JsonTruth.IsTrue(holds)) continue;
                }
                catch (Exception exception) when (exception is RecordException)
                {
                    // A condition that fails at run time starts nothing; retrying the delivery would fail the same way.
                    _logger.LogWarning("Tenant {Tenant}: the trigger condition of workflow {Workflow} failed on {Entity} {Record}: {Error}",
                        runtime.Id, definition.Id, change.Entity, change.RecordId, exception.Message);
                    continue;
                }
            }
            await engine.StartAsync(runtime, stored,
                new StartRequest(change.Entity, change.RecordId, null, actor, $"{delivery.IdempotencyKey}:{stored.WorkflowId}"), ct);
        }
    }

    /// <summary>The record as the platform sees it (a deleted one is only its id).</summary>
    private async Task<IReadOnlyDictionary<string, object?>?> ReadAsync(Platform.Runtime.TenantRuntime runtime, OutboxEvent change, CancellationToken ct)
    {
        if (change.Kind == RecordChangeKind.Deleted) return new Dictionary<string, object?> { ["id"] = change.RecordId };
        try
        {
            return await records.GetAsync(runtime, change.Entity, change.RecordId, RecordActor.System, ct);
        }
        catch (RecordNotFoundException)
        {
            return null;
        }
    }
}
