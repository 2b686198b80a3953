using System.Data.Common;
using System.Text.Json;
using Platform.Records.Events;
using Platform.Records.Security;
using Platform.Records.Transactions;
using Platform.Records.Validation;
using Platform.Records.Writing;
using Platform.Metadata.Definitions;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Records;

public sealed partial class RecordService
{
    /// <summary>
    /// Updates up to 1,000 existing records in one transaction, each item an id and the fields it changes. Every item
    /// passes the whole write path (permission, field security, scripts, checks, audit, outbox); every error is reported
    /// at its item's pointer and nothing is written unless all are valid. An id the actor may not update and one that
    /// does not exist get the same answer, so a batch cannot probe for records. Fields the actor sees masked are refused.
    /// </summary>
    public async Task<BulkResult> BulkUpdateAsync(TenantRuntime runtime, string entity, IReadOnlyList<JsonElement> records, RecordActor actor, CancellationToken ct)
    {
        var definition = Entity(runtime, entity);
        if (records.Count > BulkRequest.MaxRecords)
            throw new RecordValidationException([new FieldError("/records", $"a batch holds at most {BulkRequest.MaxRecords} records (it has {records.Count})")]);

        var errors = new List<FieldError>();
        var writes = new RecordWrite[records.Count];
        var seen = new HashSet<Guid>();
        var access = RecordSecurity.Access(runtime, actor, entity);
        for (var i = 0; i < writes.Length; i++)
        {
            var pointer = $"/records/{i}";
            // One value over many records the writer sees masked would overwrite values unseen: a single update may, a batch may not.
            if (access.RestrictedFields.Count > 0 && records[i].ValueKind == JsonValueKind.Object)
                foreach (var property in records[i].EnumerateObject())
                    if (access.Field(property.Name) is { Read: FieldRead.Masked } masked)
                        errors.Add(new FieldError($"{pointer}/{property.Name}", $"'{property.Name}' is {masked.Name} for your roles and cannot be changed in a batch"));
            var id = ReadId(records[i], pointer, errors);
            if (id is null && !errors.Any(e => e.Pointer == pointer + "/id")) errors.Add(new FieldError(pointer + "/id", "is required: the id of the record to update"));
            // The same record twice would be written twice in one transaction, the second over the first.
            else if (id is { } given && !seen.Add(given)) errors.Add(new FieldError(pointer + "/id", "names a record already in this batch"));
            writes[i] = new RecordWrite(RecordChangeKind.Updated, id ?? Guid.Empty, Without(records[i], SystemFields.Id), pointer);
        }
        if (errors.Count > 0) throw new RecordValidationException(errors);

        await using var scope = RecordScope.Begin(runtime);
        // Found by id like an upsert, but an id that finds nothing is refused rather than created.
        var batch = new RecordWriteBatch(this, runtime, definition, actor, scope, writes, []) { IsBulk = true, UpsertKey = SystemFields.Id, UpdateOnly = true };
        IReadOnlyList<RecordChange> committed;
        try
        {
            await _writer.WriteAsync(batch, ct);
            committed = await scope.CommitAsync(batch.Changes, ct);
        }
        catch (DbException) when (!scope.IsNested)
        {
            // A concurrent write took a unique value after the checks read the database: report it at the item's pointer.
            await using var retry = await runtime.Store.OpenAsync(write: false, ct);
            await _checks.RecheckAsync(batch, retry, ct);
            throw;
        }
        await scope.DisposeAsync();
        await PublishAsync(committed, ct);
        return new BulkResult(0, writes.Length, writes.Select(w => w.Id!.Value).ToList());
    }
}
