using Platform.Metadata.Definitions;
using Platform.Records.Events;
using Platform.Records.Scripting;

namespace Platform.Records.Writing.Stages;

/// <summary>
/// The entity's scripts that run once the row is stored, in the write's transaction: afterSave on create and update,
/// afterDelete on delete. Any error rolls the whole write back. Left out of the plan of an entity without them.
/// </summary>
public sealed class AfterSaveStage(RecordHookScripts? hooks) : IRecordWriteStage
{
    public int Order => RecordWriteStageOrder.AfterSave;

    public bool AppliesTo(EntityDefinition entity) =>
        hooks is not null && entity.Hooks is { } h && (h.AfterSave is not null || h.AfterDelete is not null);

    public async Task RunAsync(RecordWriteBatch batch, CancellationToken ct)
    {
        foreach (var write in batch.Writes)
        {
            if (write.Change is not { } change) continue;
            if (change.Kind == RecordChangeKind.Deleted)
                await hooks!.AfterDeleteAsync(batch.Records, batch.Runtime, batch.Entity, change.Before!, batch.Actor, ct);
            else
                await hooks!.AfterSaveAsync(batch.Records, batch.Runtime, batch.Entity, change, write.Pointer, ct);
        }
    }
}
