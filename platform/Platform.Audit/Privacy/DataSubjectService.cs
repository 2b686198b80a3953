using System.Text.Json.Nodes;
using Platform.Audit.Trail;
using Platform.Metadata.Definitions;
using Platform.Records;
using Platform.Records.Writing;
using Platform.Records.Security;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Audit.Privacy;

/// <summary>
/// Data-subject requests (GDPR / PIPL) for records of entities marked "dataSubject": export everything stored about
/// a person, and erase (anonymise) the person's personal fields and those of the records that refer to them. Both are
/// bounded by the actor's rights on every record they touch, like any other read or write: administering the tenant
/// opens the routes, not the records.
/// </summary>
public sealed class DataSubjectService(RecordService records, RecordSecurity security)
{
    /// <summary>Related records are read by id in chunks of this many.</summary>
    private const int ChunkSize = 500;

    /// <summary>
    /// The subject and every record referring to it through a lookup or a many-to-many link that the actor may read,
    /// with their field rules applied (masked, hidden); each group counts the records it withheld. The export is audited
    /// ("privacy-export", with counts only).
    /// </summary>
    public async Task<DataSubjectExport> ExportAsync(TenantRuntime runtime, string entity, Guid id, RecordActor actor, CancellationToken ct)
    {
        var definition = Subject(runtime, entity);
        // Reading through the record service first: whoever may not read the subject gets nothing.
        var subject = await records.GetAsync(runtime, entity, id, actor, ct);
        var related = new List<RelatedRecords>();
        await using (var session = await runtime.Store.OpenAsync(write: false, ct))
        {
            foreach (var reference in SubjectReference.To(runtime.Definitions, definition))
            {
                var ids = (await SubjectRecords.ReadAsync(runtime.Store, session, reference, id, ct)).Select(r => (Guid)r[SystemFields.Id]!).ToList();
                if (ids.Count == 0) continue;
                var readable = new List<Dictionary<string, object?>>(ids.Count);
                foreach (var chunk in ids.Chunk(ChunkSize)) readable.AddRange(await records.GetManyAsync(runtime, reference.Entity.Name, chunk, null, actor, ct));
                related.Add(new RelatedRecords(reference.Entity, reference.Via, readable, ids.Count - readable.Count));
            }
        }
        await AuditAsync(runtime, [new AuditEntry(Guid.CreateVersion7(), DateTime.UtcNow, AuditActions.PrivacyExport, actor.UserId,
            AuditRecordHandler.NameOf(actor), actor.ClientAddress, definition.Name, id, null, new JsonObject
            {
                ["related"] = related.Sum(r => r.Records.Count),
                ["withheld"] = related.Sum(r => r.Withheld),
            })], ct);
        return new DataSubjectExport(definition, subject, related);
    }

    /// <summary>
    /// In one transaction: anonymises the personal fields of the subject and of every record referring to it through a
    /// lookup, writes an "erase" audit entry per record (naming the fields, never their values), and scrubs those
    /// fields' values from the records' earlier audit entries. Each record needs the actor's update or delete privilege
    /// (<see cref="ErasureRights"/>); the subject must be erasable (else 404 or 403), related records that are not are
    /// left and named in <see cref="ErasureResult.Untouched"/>. Records linked many-to-many are shared with other people
    /// and keep their values. The writes bypass record events (no workflow sees the erased values).
    /// </summary>
    public async Task<ErasureResult> EraseAsync(TenantRuntime runtime, string entity, Guid id, RecordActor actor, CancellationToken ct)
    {
        var definition = Subject(runtime, entity);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        var subject = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
        var targets = new List<(EntityDefinition Entity, Dictionary<string, object?> Row)> { (definition, subject) };
        foreach (var reference in SubjectReference.To(runtime.Definitions, definition).Where(r => r.Lookup is not null))
        {
            if (!reference.Entity.Fields.Any(f => f.Personal)) continue;
            foreach (var row in await SubjectRecords.ReadAsync(runtime.Store, session, reference, id, ct)) targets.Add((reference.Entity, row));
        }

        var now = DateTime.UtcNow;
        var entries = new List<AuditEntry>();
        var erased = new List<ErasedRecord>();
        var untouched = new List<UntouchedRecord>();
        var scrubbedEntries = 0;
        foreach (var (target, row) in targets.DistinctBy(t => (t.Entity.Name, (Guid)t.Row[SystemFields.Id]!)))
        {
            var targetId = (Guid)row[SystemFields.Id]!;
            var rights = await ErasureRights.OfAsync(security, runtime, session, actor, target, row, ct);
            if (rights.Refusal is { } refusal)
            {
                if (targetId == id && target.Name == definition.Name) throw Refused(definition, id, refusal);
                untouched.Add(new UntouchedRecord(target.Name, targetId, refusal, target.Fields.Where(f => f.Personal).Select(f => f.Name).ToList()));
                continue;
            }
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in rights.Erasable)
                if (Anonymizer.TryErase(field, targetId, out var value)) values[field.Name] = value;
            var kept = rights.Protected.Where(f => Anonymizer.TryErase(target.FindField(f)!, targetId, out _)).ToList();
            if (kept.Count > 0) untouched.Add(new UntouchedRecord(target.Name, targetId, ErasureRights.ProtectedFields, kept));
            if (values.Count == 0) continue;
            var fields = values.Keys.ToList();
            values[SystemFields.ModifiedAt] = now;
            values[SystemFields.ModifiedBy] = actor.UserId;
            if (!await runtime.Store.UpdateAsync(session, target.Name, targetId, values, null, ct)) continue;
            scrubbedEntries += await AuditScrubber.ScrubAsync(runtime.Store, session, target, targetId, fields, ct);
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
        return new ErasureResult(erased, scrubbedEntries, untouched);
    }

    /// <summary>True when the entity exists and is marked "dataSubject" (callers answer 404 otherwise).</summary>
    public static bool IsSubject(TenantRuntime runtime, string entity) => runtime.FindEntity(entity) is { DataSubject: true };

    private static EntityDefinition Subject(TenantRuntime runtime, string entity)
    {
        var definition = RecordService.Entity(runtime, entity);
        return definition.DataSubject ? definition : throw new InvalidOperationException($"'{entity}' is not marked \"dataSubject\".");
    }

    /// <summary>The subject itself must be erasable: not found when it is not even readable (its existence stays hidden), else forbidden.</summary>
    private static RecordException Refused(EntityDefinition subject, Guid id, string refusal) => refusal == ErasureRights.OutOfScope
        ? new RecordNotFoundException(subject.Name, id)
        : new RecordForbiddenException($"You may not erase this {subject.Name}: erasing needs the update or delete privilege on it.");

    private static async Task AuditAsync(TenantRuntime runtime, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await AuditWriter.AppendAsync(runtime.Store, session, entries, ct);
        await session.CommitAsync(ct);
    }
}
