using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Events;
using Platform.Records.Security;
using Platform.Records.Transactions;
using Platform.Records.Validation;
using Platform.Storage.Records;

namespace Platform.Records.Writing.Stages;

/// <summary>
/// First: may the actor write this record, and these fields? Reads the stored row of an update or delete in the
/// write's transaction (checked against the expected version) and finds the record a bulk upsert item updates. A
/// single write is refused at once (not found when the actor may not read the record, else forbidden); a bulk item
/// gets an error at its pointer, so a batch cannot probe for ids it may not see.
/// </summary>
public sealed class PermissionStage(RecordSecurity security) : IRecordWriteStage
{
    public int Order => RecordWriteStageOrder.Permission;

    public bool AppliesTo(EntityDefinition entity) => true;

    public Task RunAsync(RecordWriteBatch batch, CancellationToken ct)
    {
        var first = batch.Writes[0];
        // Creates read nothing; a delete claims its row, a write, so it needs the write transaction anyway.
        if (first.Kind == RecordChangeKind.Deleted || (first.Kind == RecordChangeKind.Created && batch.UpsertKey is null) || !batch.ScriptsFirst)
            return RunAsync(batch, null, ct);
        // Read before the scripts run, on the caller's unit of work's transaction when it has one, else on a read session
        // of its own: the write transaction begins after the scripts. The store writes at the version read here.
        return RecordScope.ReadAsync(batch.Runtime, async session =>
        {
            await RunAsync(batch, session, ct);
            return true;
        }, ct);
    }

    private async Task RunAsync(RecordWriteBatch batch, RecordSession? reading, CancellationToken ct)
    {
        var mayCreate = batch.Access.Scope(Privilege.Create) != PrivilegeScope.None;
        foreach (var write in batch.Writes)
        {
            if (batch.UpsertKey is not null) await FindStoredAsync(batch, reading ?? await batch.SessionAsync(ct), write, ct);
            if (write.Refused) continue;
            switch (write.Kind)
            {
                case RecordChangeKind.Created:
                    if (!batch.IsBulk) RecordSecurity.DemandCreate(batch.Runtime, batch.Actor, batch.Entity.Name);
                    else if (!mayCreate) Refuse(batch, write, $"you may not create {batch.Entity.Name} records");
                    break;
                case RecordChangeKind.Updated:
                    if (!batch.IsBulk) await DemandStoredAsync(batch, reading ?? await batch.SessionAsync(ct), write, Privilege.Update, ct);
                    // Unreadable and read-only records get the same answer.
                    else if (!await security.AllowsAsync(batch.Runtime, reading ?? await batch.SessionAsync(ct), batch.Actor, batch.Entity.Name, write.Previous!, Privilege.Update, ct))
                        Refuse(batch, write, $"you may not update this {batch.Entity.Name}");
                    break;
                default:
                    await ClaimAsync(batch, write, ct);
                    continue;
            }
            if (batch.CheckFieldAccess && !write.Refused) CheckWritableBody(batch, write);
        }
    }

    /// <summary>Reads the stored row and demands the privilege on it, then checks the version the caller expects.</summary>
    private async Task<long> DemandStoredAsync(RecordWriteBatch batch, RecordSession session, RecordWrite write, Privilege privilege, CancellationToken ct)
    {
        var entity = batch.Entity.Name;
        var id = write.Id!.Value;
        var row = await batch.Runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
        await security.DemandAsync(batch.Runtime, session, batch.Actor, entity, id, row, privilege, ct);
        var current = (long)row[SystemFields.RowVersion]!;
        if (write.ExpectedVersion is { } expected && expected != current) throw new RecordConcurrencyException(entity, id, expected, current);
        write.Previous = row;
        return current;
    }

    /// <summary>
    /// A delete claims the row at the version checked (a row lock on PostgreSQL) before hooks and cascades run, so a
    /// lost race is retried before anything else was written rather than after. A cascade child comes claimed.
    /// </summary>
    private async Task ClaimAsync(RecordWriteBatch batch, RecordWrite write, CancellationToken ct)
    {
        if (!write.Claimed)
        {
            var session = await batch.SessionAsync(ct);
            for (var attempt = 1; ; attempt++)
            {
                var current = await DemandStoredAsync(batch, session, write, Privilege.Delete, ct);
                if (await batch.Runtime.Store.UpdateAsync(session, batch.Entity.Name, write.Id!.Value, new Dictionary<string, object?>(), current, ct)) break;
                // Without If-Match a lost race is retried (a record deleted meanwhile is then a 404).
                if (write.ExpectedVersion is null && attempt < RecordWriter.MaxWriteAttempts) continue;
                throw new RecordConcurrencyException(batch.Entity.Name, write.Id!.Value, current, null);
            }
        }
        batch.Cascade!.Claim(batch.Entity.Name, write.Id!.Value);
    }

    /// <summary>A bulk upsert item updates the record its key finds (one the actor may not read is found all the same, then refused).</summary>
    private static async Task FindStoredAsync(RecordWriteBatch batch, RecordSession session, RecordWrite write, CancellationToken ct)
    {
        var store = batch.Runtime.Store;
        var entity = batch.Entity.Name;
        var key = batch.UpsertKey!;
        Dictionary<string, object?>? existing = null;
        if (key == SystemFields.Id)
        {
            if (write.Id is { } given) existing = await store.GetAsync(session, entity, given, ct);
        }
        else if (KeyValue(batch.Entity, key, write.Body) is { } value && await store.FindByValueAsync(session, entity, key, value, null, ct) is { } found)
            existing = await store.GetAsync(session, entity, found, ct);
        if (existing is null)
        {
            // A bulk update refuses an id that finds nothing in the words it refuses an unreadable record's: no probing.
            if (batch.UpdateOnly) Refuse(batch, write, $"you may not update this {entity}");
            return;
        }
        write.Kind = RecordChangeKind.Updated;
        write.Id = (Guid)existing[SystemFields.Id]!;
        write.Previous = existing;
    }

    private static object? KeyValue(EntityDefinition entity, string key, JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(key, out var json) && entity.FindField(key) is { } field &&
        RecordJsonValueReader.TryRead(field, json, out var value, out _) ? value : null;

    /// <summary>Errors for the fields of a body the actor may not write; checked on what the caller sent, before scripts run.</summary>
    private static void CheckWritableBody(RecordWriteBatch batch, RecordWrite write)
    {
        if (batch.Access.RestrictedFields.Count == 0 || write.Body.ValueKind != JsonValueKind.Object) return;
        var names = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in write.Body.EnumerateObject()) names.TryAdd(property.Name, null);
        RecordSecurity.CheckWritable(batch.Access, names, write.Pointer, batch.Errors);
    }

    private static void Refuse(RecordWriteBatch batch, RecordWrite write, string message)
    {
        batch.Errors.Add(new FieldError(write.Pointer, message));
        write.Refused = true;
    }
}
