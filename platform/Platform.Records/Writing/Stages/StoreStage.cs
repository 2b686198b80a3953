using Platform.Metadata.Definitions;
using Platform.Records.Auditing;
using Platform.Records.Events;
using Platform.Records.Security;
using Platform.Storage.Records;

namespace Platform.Records.Writing.Stages;

/// <summary>
/// Stores the batch: updates each record at the version read (stamping modified_at and modified_by), inserts the
/// creates in one batched statement, deletes after what the delete takes along (<see cref="StoreStage"/>'s delete
/// part). Each stored record gets its <see cref="RecordChange"/>, which the later stages see.
/// </summary>
public sealed partial class StoreStage(RecordSecurity security, IAuditLog audit) : IRecordWriteStage
{
    public int Order => RecordWriteStageOrder.Store;

    public bool AppliesTo(EntityDefinition entity) => true;

    public async Task RunAsync(RecordWriteBatch batch, CancellationToken ct)
    {
        List<IReadOnlyDictionary<string, object?>>? rows = null;
        foreach (var write in batch.Writes)
        {
            switch (write.Kind)
            {
                case RecordChangeKind.Created:
                    (rows ??= new List<IReadOnlyDictionary<string, object?>>(batch.Writes.Count)).Add(write.Row!);
                    break;
                case RecordChangeKind.Updated:
                    await UpdateAsync(batch, write, ct);
                    break;
                default:
                    await DeleteAsync(batch, write, ct);
                    break;
            }
        }
        if (rows is not null) await InsertAsync(batch, rows, ct);
    }

    private static async Task UpdateAsync(RecordWriteBatch batch, RecordWrite write, CancellationToken ct)
    {
        var runtime = batch.Runtime;
        var entity = batch.Entity.Name;
        var id = write.Id!.Value;
        var before = write.Previous!;
        var values = write.Values;
        values[SystemFields.ModifiedAt] = DateTime.UtcNow;
        values[SystemFields.ModifiedBy] = batch.Actor.UserId;
        // A bulk upsert writes over what it read (its items carry no If-Match); a single update only at the version it checked.
        var current = batch.IsBulk ? (long?)null : (long)before[SystemFields.RowVersion]!;
        var session = await batch.SessionAsync(ct);
        if (!await runtime.Store.UpdateAsync(session, entity, id, values, current, ct) && !batch.IsBulk)
        {
            var conflict = new RecordConcurrencyException(entity, id, current, null);
            // Without If-Match the caller set no precondition: another writer got in first, so the write reads again.
            if (write.ExpectedVersion is null) throw new WriteLostRaceException(conflict);
            throw conflict;
        }
        var after = await runtime.Store.GetAsync(session, entity, id, ct);
        if (after is null && !batch.IsBulk) throw new RecordNotFoundException(entity, id);
        Stored(batch, write, new RecordChange(runtime, entity, id, RecordChangeKind.Updated, before, after, batch.Actor));
    }

    private static async Task InsertAsync(RecordWriteBatch batch, List<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        var runtime = batch.Runtime;
        await runtime.Store.InsertAsync(await batch.SessionAsync(ct), batch.Entity.Name, rows, ct);
        foreach (var write in batch.Writes)
        {
            if (write.Kind != RecordChangeKind.Created) continue;
            // A copy: the stored row goes to the caller (and is masked for it), the change to the later stages.
            var row = new Dictionary<string, object?>(write.Row!);
            write.Id = (Guid)row[SystemFields.Id]!;
            Stored(batch, write, new RecordChange(runtime, batch.Entity.Name, write.Id.Value, RecordChangeKind.Created, null, row, batch.Actor));
        }
    }

    private static void Stored(RecordWriteBatch batch, RecordWrite write, RecordChange change)
    {
        write.Change = change;
        batch.Changes.Add(change);
    }
}
