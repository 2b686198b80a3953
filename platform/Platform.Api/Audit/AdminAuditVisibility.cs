using Platform.Audit.Trail;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records;
using Platform.Records.Security;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Api.Audit;

/// <summary>
/// Administering a tenant is not reading its records: in the tenant-wide trail, an entry's old and new values are
/// shown only when the reader may read that record now (their read scope, shares included), and then with the
/// record timeline's field rules. Otherwise the entry keeps everything but its values (<c>changes_withheld</c>). A
/// deleted record can no longer be checked, so only readers with tenant-wide read on its entity see its values.
/// </summary>
internal static class AdminAuditVisibility
{
    /// <returns>The page with values the reader may see, and the ids of the entries whose changes were withheld.</returns>
    public static async Task<(AuditPage Page, IReadOnlySet<Guid> Withheld)> ApplyAsync(
        TenantRuntime runtime, RecordActor actor, RecordService records, AuditPage page, CancellationToken ct)
    {
        var withheld = new HashSet<Guid>();
        var entries = page.Entries.ToList();
        foreach (var group in entries.Select((e, i) => (Entry: e, Index: i)).Where(x => x.Entry.Changes is not null).GroupBy(x => x.Entry.Entity ?? ""))
        {
            var definition = Resolve(runtime, group.Key);
            var access = definition is null ? null : RecordSecurity.Access(runtime, actor, definition.Name);
            var readable = definition is null || access is null ? new HashSet<Guid>() : await ReadableAsync(runtime, actor, records, definition, access,
                group.Where(x => x.Entry.RecordId is not null).Select(x => x.Entry.RecordId!.Value).Distinct().ToList(), ct);
            foreach (var (entry, index) in group)
            {
                if (definition is not null && access is not null && entry.RecordId is { } id && readable.Contains(id))
                {
                    entries[index] = AuditFieldSecurity.Apply(definition, access, entry);
                    continue;
                }
                entries[index] = entry with { Changes = null };
                withheld.Add(entry.Id);
            }
        }
        return (page with { Entries = entries }, withheld);
    }

    /// <summary>The entity an entry names: the current one of that name, or the one renamed from it.</summary>
    private static EntityDefinition? Resolve(TenantRuntime runtime, string name) =>
        runtime.FindEntity(name) ?? runtime.Definitions.Entities.FirstOrDefault(e => e.RenamedFrom == name);

    private static async Task<IReadOnlySet<Guid>> ReadableAsync(TenantRuntime runtime, RecordActor actor, RecordService records,
        EntityDefinition entity, EntityAccess access, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (access.Scope(Privilege.Read) == PrivilegeScope.Tenant) return ids.ToHashSet();
        var rows = await records.GetManyAsync(runtime, entity.Name, ids, [SystemFields.Id], actor, ct);
        return rows.Select(r => (Guid)r[SystemFields.Id]!).ToHashSet();
    }
}
