using System.Text.Json.Nodes;
using Platform.Audit.Trail;
using Platform.Metadata.Definitions;
using Platform.Records;
using Platform.Records.Writing;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Audit.Privacy;

/// <summary>
/// Data-subject requests (GDPR / PIPL) for records of entities marked "dataSubject": export everything stored about
/// a person, and erase (anonymise) the person's personal fields and those of the records that refer to them.
/// </summary>
public sealed class DataSubjectService(RecordService records)
{
    /// <summary>The subject and every record referring to it through a lookup or a many-to-many link.</summary>
    public async Task<DataSubjectExport> ExportAsync(TenantRuntime runtime, string entity, Guid id, RecordActor actor, CancellationToken ct)
    {
        var definition = Subject(runtime, entity);
        // Reading through the record service first: whoever may not read the subject gets nothing.
        var subject = await records.GetAsync(runtime, entity, id, actor, ct);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        var related = new List<RelatedRecords>();
        foreach (var reference in SubjectReference.To(runtime.Definitions, definition))
        {
            var rows = await SubjectRecords.ReadAsync(runtime.Store, session, reference, id, ct);
            if (rows.Count > 0) related.Add(new RelatedRecords(reference.Entity, reference.Via, rows));
        }
        return new DataSubjectExport(definition, subject, related);
    }

    /// <summary>
    /// In one transaction: anonymises the personal fields of the subject and of every record referring to it through a
    /// lookup, writes an "erase" audit entry per record (naming the fields, never their values), and scrubs those
    /// fields' values from the records' earlier audit entries. Records linked many-to-many are shared with other people
    /// and keep their values. The writes bypass record events (no workflow sees the erased values).
    /// </summary>
    public async Task<ErasureResult> EraseAsync(TenantRuntime runtime, string entity, Guid id, RecordActor actor, CancellationToken ct)
    {
        var definition = Subject(runtime, entity);
        await records.GetAsync(runtime, entity, id, actor, ct);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        var targets = new List<(EntityDefinition Entity, Guid Id)> { (definition, id) };
        foreach (var reference in SubjectReference.To(runtime.Definitions, definition).Where(r => r.Lookup is not null))
        {
            if (!reference.Entity.Fields.Any(f => f.Personal)) continue;
            foreach (var row in await SubjectRecords.ReadAsync(runtime.Store, session, reference, id, ct))
                targets.Add((reference.Entity, (Guid)row[SystemFields.Id]!));
        }

        var now = DateTime.UtcNow;
        var entries = new List<AuditEntry>();
        var erased = new List<ErasedRecord>();
        var scrubbedEntries = 0;
        foreach (var (target, targetId) in targets.Distinct())
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in target.Fields.Where(f => f.Personal))
                if (Anonymizer.TryErase(field, targetId, out var value)) values[field.Name] = value;
            if (values.Count == 0) continue;
            var fields = values.Keys.ToList();
            values[SystemFields.ModifiedAt] = now;
            values[SystemFields.ModifiedBy] = actor.UserId;
            if (!await runtime.Store.UpdateAsync(session, target.Name, targetId, values, null, ct)) continue;
            scrubbedEntries += await AuditScrubber.ScrubAsync(runtime.Store, session, target.Name, targetId, fields, ct);
            var details = new JsonObject
            {
                ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                ["subject"] = new JsonObject { ["entity"] = definition.Name, ["id"] = id.ToString() },
            };
            entries.Add(new AuditEntry(Guid.CreateVersion7(now), now, AuditActions.Erase, actor.UserId, AuditRecordHandler.NameOf(actor),
                actor.ClientAddress, target.Name, targetId, null, details));
            erased.Add(new ErasedRecord(target.Name, targetId, fields));
        }
        await AuditWriter.AppendAsync(runtime.Store, session, entries, ct);
        // Stored Idempotency-Key answers must not keep pointing at the erased records.
        await IdempotencyStore.ForgetRecordsAsync(session, runtime.Store.Database, erased.Select(e => e.Id).ToList(), ct);
        await session.CommitAsync(ct);
        return new ErasureResult(erased, scrubbedEntries);
    }

    /// <summary>True when the entity exists and is marked "dataSubject" (callers answer 404 otherwise).</summary>
    public static bool IsSubject(TenantRuntime runtime, string entity) => runtime.FindEntity(entity) is { DataSubject: true };

    private static EntityDefinition Subject(TenantRuntime runtime, string entity)
    {
        var definition = RecordService.Entity(runtime, entity);
        return definition.DataSubject ? definition : throw new InvalidOperationException($"'{entity}' is not marked \"dataSubject\".");
    }
}
