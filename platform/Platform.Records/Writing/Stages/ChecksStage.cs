using Platform.Metadata.Definitions;
using Platform.Records.Events;
using Platform.Records.Security;
using Platform.Records.Validation;
using Platform.Storage.Records;

namespace Platform.Records.Writing.Stages;

/// <summary>
/// The checks that need the database (<see cref="WriteChecks"/>: lookups point at records the writer may read, unique
/// values are free, also within the batch; a delete is not restricted by records referring to it), then the answer:
/// every error found by this and the earlier stages, in one <see cref="RecordValidationException"/>.
/// </summary>
public sealed class ChecksStage(RecordSecurity security) : IRecordWriteStage
{
    public int Order => RecordWriteStageOrder.Checks;

    public bool AppliesTo(EntityDefinition entity) => true;

    public async Task RunAsync(RecordWriteBatch batch, CancellationToken ct)
    {
        if (batch.Writes[0].Kind == RecordChangeKind.Deleted)
        {
            foreach (var write in batch.Writes) await CheckDeleteAsync(batch, write, ct);
            return;
        }
        var session = await batch.SessionAsync(ct);
        var sight = new WriterSight(batch.Runtime, batch.Actor, security);
        // A plain bulk create writes nothing before its insert, so its lookups and unique values are read in a few queries.
        var data = batch.IsBulk && batch.UpsertKey is null
            ? await WriteCheckData.ReadAsync(sight, session, batch.Entity, batch.Writes.Select(w => (IReadOnlyDictionary<string, object?>)w.Values).ToList(), ct)
            : null;
        await CheckAsync(batch, sight, session, data, ct);
        if (batch.IsBulk) CheckUniqueWithinBatch(batch);
        ThrowIfAny(batch.Errors);
    }

    /// <summary>
    /// After the database refused the store (PostgreSQL reports a unique value or a lookup target a concurrent write
    /// took or removed after the checks read): runs the checks again on a fresh session, so the caller hears it the way
    /// the checks tell it. Returns when they find nothing (the caller rethrows the database's error).
    /// </summary>
    public async Task RecheckAsync(RecordWriteBatch batch, RecordSession fresh, CancellationToken ct)
    {
        await CheckAsync(batch, new WriterSight(batch.Runtime, batch.Actor, security), fresh, null, ct);
        ThrowIfAny(batch.Errors);
    }

    private static async Task CheckAsync(RecordWriteBatch batch, WriterSight sight, RecordSession session, WriteCheckData? data, CancellationToken ct)
    {
        foreach (var write in batch.Writes)
        {
            if (write.Refused || write.Kind == RecordChangeKind.Deleted) continue;
            var self = write.Kind == RecordChangeKind.Updated ? write.Id : null;
            await WriteChecks.CheckAsync(sight, session, batch.Entity, write.Values, self, write.Pointer, batch.Errors, ct, data);
        }
    }

    private static async Task CheckDeleteAsync(RecordWriteBatch batch, RecordWrite write, CancellationToken ct)
    {
        var entity = batch.Entity.Name;
        if (await batch.Runtime.Store.FindRestrictingReferenceAsync(await batch.SessionAsync(ct), entity, write.Id!.Value, ct) is { } reference)
            throw new RecordConflictException(
                $"The {entity} cannot be deleted: {reference.Entity} records refer to it through '{reference.Field}' (onDelete: restrict).", reference.Entity);
    }

    private static void CheckUniqueWithinBatch(RecordWriteBatch batch)
    {
        foreach (var field in batch.Entity.Fields)
        {
            if (!field.Unique) continue;
            var seen = new HashSet<object>();
            foreach (var write in batch.Writes)
            {
                if (write.Kind == RecordChangeKind.Created && write.Values.GetValueOrDefault(field.Name) is { } value && !seen.Add(value))
                    batch.Errors.Add(new FieldError($"{write.Pointer}/{field.Name}", $"'{value}' appears twice in the batch; {field.Name} must be unique"));
            }
        }
    }

    private static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0) throw new RecordValidationException(errors.ToList());
    }
}
