using Platform.Metadata.Definitions;
using Platform.Records.Events;
using Platform.Records.Scripting;

namespace Platform.Records.Writing.Stages;

/// <summary>
/// The entity's scripts that run before the row is stored: default expressions and the beforeSave hook over the body
/// (so what they set is read and checked like what the caller sent), or the beforeDelete hook. Their <c>crm</c> writes
/// join the write's unit of work. Left out of the plan of an entity without such scripts.
/// </summary>
public sealed class BeforeSaveStage(BeforeSaveScripts? scripts, RecordHookScripts? hooks) : IRecordWriteStage
{
    public int Order => RecordWriteStageOrder.BeforeSave;

    public bool AppliesTo(EntityDefinition entity) =>
        (scripts is not null && BeforeSaveScripts.Applies(entity)) || (hooks is not null && entity.Hooks?.BeforeDelete is not null);

    public async Task RunAsync(RecordWriteBatch batch, CancellationToken ct)
    {
        var saves = scripts is not null && BeforeSaveScripts.Applies(batch.Entity);
        foreach (var write in batch.Writes)
        {
            if (write.Refused || write.ScriptsRan) continue;
            write.ScriptsRan = true;
            if (write.Kind == RecordChangeKind.Deleted)
            {
                if (hooks is not null) await hooks.BeforeDeleteAsync(batch.Records, batch.Runtime, batch.Entity, write.Previous!, batch.Actor, ct);
                continue;
            }
            if (!saves) continue;
            try
            {
                batch.ScriptEngines ??= scripts!.HoldEngines();
                write.Body = await scripts!.RunAsync(batch.Records, batch.Runtime, batch.Entity, write.Body, write.Previous, batch.Actor, ct, write.Pointer, batch.ScriptEngines);
            }
            catch (RecordValidationException invalid) when (batch.IsBulk)
            {
                // Each record's errors at its pointer, all reported at once.
                batch.Errors.AddRange(invalid.Errors);
                write.Refused = true;
            }
        }
    }
}
