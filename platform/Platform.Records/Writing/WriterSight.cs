using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Security;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Records.Writing;

/// <summary>
/// What the writer of a record may see, as the write checks need it: a lookup may point only to a record the writer
/// can read, and a unique-value error names the record holding the value only when the writer can read that record
/// and sees the field in full — otherwise the checks would be an oracle for records and masked values.
/// </summary>
internal sealed class WriterSight(TenantRuntime runtime, RecordActor actor, RecordSecurity security)
{
    public RecordStore Store => runtime.Store;

    /// <summary>Those of <paramref name="ids"/> that exist and the writer may read (a record they may not read does not exist for them).</summary>
    public async Task<HashSet<Guid>> ReadableIdsAsync(RecordSession session, string entity, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        FilterNode filter = new InNode(SystemFields.Id, ids.Cast<object?>().ToList());
        if (await security.ScopeFilterAsync(runtime, actor, entity, Privilege.Read, ct) is { } scope) filter = new AndNode(filter, scope);
        var page = await runtime.Store.QueryAsync(session, new RecordQuery(entity) { Filter = filter, Select = [SystemFields.Id], Top = ids.Count, Unordered = true }, ct);
        return page.Rows.Select(r => (Guid)r[SystemFields.Id]!).ToHashSet();
    }

    /// <summary>Whether the writer sees the field's values in full (not masked, not hidden).</summary>
    public bool SeesInFull(string entity, string field) => RecordSecurity.Access(runtime, actor, entity).Field(field).Read == FieldRead.Full;
}
