using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Records.Events;
using Platform.Records.Scripting;
using Platform.Records.Validation;
using Platform.Storage.Records;

namespace Platform.Records.Writing.Stages;

/// <summary>
/// Reads each body into typed values, applies static defaults, checks the value rules (a formula must only see values
/// that passed them), and computes formulas. A create's formulas see the row as it is saved, so its system fields (id,
/// owner, created_at...) and autonumbers are set here, once the whole batch is valid; an update's see the stored row
/// with the changes applied.
/// </summary>
public sealed class DefaultsAndFormulasStage(BeforeSaveScripts? scripts) : IRecordWriteStage
{
    /// <summary>The system columns a created row gets besides its fields (id, created/modified at and by, owner, business unit, version).</summary>
    private const int SystemColumnCount = 8;

    public int Order => RecordWriteStageOrder.DefaultsAndFormulas;

    public bool AppliesTo(EntityDefinition entity) => true;

    public async Task RunAsync(RecordWriteBatch batch, CancellationToken ct)
    {
        var entity = batch.Entity;
        var formulas = scripts is not null && BeforeSaveScripts.HasFormulas(entity);
        var errors = batch.Errors;
        var creates = 0;
        foreach (var write in batch.Writes)
        {
            if (write.Refused || write.Kind == RecordChangeKind.Deleted) continue;
            var found = errors.Count;
            var values = write.Values = RecordBodyReader.Read(entity, write.Body, write.Pointer, errors);
            if (batch.UpsertKey is { } key && key != SystemFields.Id && values.GetValueOrDefault(key) is null)
                errors.Add(new FieldError($"{write.Pointer}/{key}", "is the upsert key and must be given"));
            if (write.Kind == RecordChangeKind.Created)
            {
                RecordBodyReader.ApplyDefaults(entity, values);
                RecordBodyReader.CheckRules(entity, values, entity.Fields.Where(f => f.Formula is null), write.Pointer, errors);
                creates++;
                continue;
            }
            RecordBodyReader.CheckRules(entity, values, entity.Fields.Where(f => values.ContainsKey(f.Name)), write.Pointer, errors);
            if (formulas && errors.Count == found) await ComputeUpdatedAsync(batch, write, ct);
        }
        // Autonumbers are numbered for the batch at once; nothing is numbered for a batch that is refused anyway.
        if (creates > 0 && errors.Count == 0) await CompleteCreatedAsync(batch, formulas, ct);
        // The write's last scripts have run: the shared engine goes back to the pool before the write waits for the store.
        batch.ReleaseScriptEngines();
    }

    /// <summary>Sets the update's formula fields from the stored row with the changes applied.</summary>
    private async Task ComputeUpdatedAsync(RecordWriteBatch batch, RecordWrite write, CancellationToken ct)
    {
        var stored = write.Previous!;
        var saved = new Dictionary<string, object?>(stored, StringComparer.Ordinal);
        foreach (var (name, value) in write.Values) saved[name] = value;
        batch.ScriptEngines ??= scripts!.HoldEngines();
        await scripts!.ComputeFormulasAsync(batch.Runtime, batch.Entity, saved, stored, batch.Actor, write.Pointer, batch.Errors, ct, batch.ScriptEngines);
        foreach (var field in batch.Entity.Fields)
            if (field.Formula is not null && saved.TryGetValue(field.Name, out var value)) write.Values[field.Name] = value;
    }

    /// <summary>Builds the rows the creates insert: values, system fields, autonumbers, then formulas over all of it.</summary>
    private async Task CompleteCreatedAsync(RecordWriteBatch batch, bool formulas, CancellationToken ct)
    {
        var entity = batch.Entity;
        var actor = batch.Actor;
        var now = DateTime.UtcNow;
        var rows = new List<Dictionary<string, object?>>(batch.Writes.Count);
        // Sized for the fields and the system columns: no rehash per row.
        var columns = entity.Fields.Count + SystemColumnCount;
        foreach (var write in batch.Writes)
        {
            if (write.Kind != RecordChangeKind.Created) continue;
            var row = new Dictionary<string, object?>(columns, StringComparer.Ordinal);
            row[SystemFields.Id] = write.Id ?? Guid.CreateVersion7();
            foreach (var field in entity.Fields) row[field.Name] = write.Values.GetValueOrDefault(field.Name);
            row[SystemFields.CreatedAt] = now;
            row[SystemFields.CreatedBy] = actor.UserId;
            row[SystemFields.ModifiedAt] = now;
            row[SystemFields.ModifiedBy] = actor.UserId;
            row[SystemFields.Owner] = write.Owner is { } owner ? owner.UserId : actor.UserId;
            row[SystemFields.OwningBusinessUnit] = write.Owner is { } given ? given.BusinessUnit : actor.BusinessUnit;
            row[SystemFields.RowVersion] = 1L;
            write.Row = row;
            rows.Add(row);
        }
        foreach (var field in entity.Fields)
        {
            if (field.Type.Descriptor is not INumberedFieldType numbered) continue;
            var first = await batch.Runtime.Store.NextSequenceValueAsync(await batch.SessionAsync(ct), $"{entity.Name}.{field.Name}", ct, rows.Count);
            for (var i = 0; i < rows.Count; i++) rows[i][field.Name] = numbered.Number(field, first + i);
        }
        if (!formulas) return;
        foreach (var write in batch.Writes)
            if (write.Row is { } row)
                await scripts!.ComputeFormulasAsync(batch.Runtime, entity, row, null, actor, write.Pointer, batch.Errors, ct, batch.ScriptEngines ??= scripts!.HoldEngines());
    }
}
