using System.Runtime.CompilerServices;
using Platform.Metadata.Definitions;

namespace Platform.Records.Writing;

/// <summary>
/// Writes records: runs the ordered stages (<see cref="IRecordWriteStage"/>) over a batch, the same for a single
/// write, a bulk request, a script's <c>crm</c> call and a delete's cascades. <see cref="RecordService"/> opens the
/// unit of work around it, commits and publishes.
/// </summary>
public sealed class RecordWriter
{
    /// <summary>How often an update without If-Match re-reads a record that concurrent writers keep changing.</summary>
    internal const int MaxWriteAttempts = 10;

    private readonly IRecordWriteStage[] _stages;
    private readonly ConditionalWeakTable<EntityDefinition, StagePlan> _plans = new();

    /// <param name="stages">In any order; sorted once by <see cref="IRecordWriteStage.Order"/> (equal orders keep theirs).</param>
    public RecordWriter(IEnumerable<IRecordWriteStage> stages) => _stages = stages.OrderBy(s => s.Order).ToArray();

    /// <summary>The stages, in the order they run.</summary>
    public IReadOnlyList<IRecordWriteStage> Stages => _stages;

    /// <summary>Runs the entity's stages over the batch; an update that lost a race without If-Match is run again.</summary>
    public async Task WriteAsync(RecordWriteBatch batch, CancellationToken ct)
    {
        batch.Writer = this;
        var plan = Plan(batch.Entity);
        batch.ScriptsFirst = plan.ScriptsFirst;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    foreach (var stage in plan.Stages) await stage.RunAsync(batch, ct);
                    return;
                }
                catch (WriteLostRaceException lost)
                {
                    // Another writer got in between the read and the store: read again (its scripts are not run twice).
                    if (attempt >= MaxWriteAttempts) throw lost.Conflict;
                }
            }
        }
        finally
        {
            // Normally released by the last stage that runs scripts; this covers a write that stopped before it.
            batch.ReleaseScriptEngines();
        }
    }

    /// <summary>
    /// A record change made outside the stages (an assignment: no scripts, no value checks) reaches the observers all the
    /// same: the stages from <see cref="RecordWriteStageOrder.Events"/> on (audit trail, outbox, a feature's own).
    /// </summary>
    public async Task ObserveAsync(RecordWriteBatch batch, CancellationToken ct)
    {
        batch.Writer = this;
        foreach (var stage in Plan(batch.Entity).Stages)
            if (stage.Order >= RecordWriteStageOrder.Events) await stage.RunAsync(batch, ct);
    }

    /// <summary>The stages with something to do for the entity, decided once per entity definition.</summary>
    private StagePlan Plan(EntityDefinition entity) =>
        _plans.TryGetValue(entity, out var plan) ? plan : _plans.GetValue(entity, e =>
        {
            var stages = _stages.Where(s => s.AppliesTo(e)).ToArray();
            return new StagePlan(stages, stages.Any(s => s is Stages.BeforeSaveStage));
        });

    private sealed record StagePlan(IRecordWriteStage[] Stages, bool ScriptsFirst);
}

/// <summary>An update's row changed between its read and its store, and the caller set no If-Match: it is retried.</summary>
internal sealed class WriteLostRaceException(RecordConcurrencyException conflict) : Exception(conflict.Message)
{
    public RecordConcurrencyException Conflict { get; } = conflict;
}
