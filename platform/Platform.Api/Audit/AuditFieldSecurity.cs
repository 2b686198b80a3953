using System.Text.Json.Nodes;
using Platform.Audit.Trail;
using Platform.Metadata.Definitions;
using Platform.Records.Security;

namespace Platform.Api.Audit;

/// <summary>
/// A record's history shows no more than the record does: fields the reader may not see are left out of each entry's
/// changes, and masked fields show their old and new values masked (otherwise the timeline would leak them).
/// </summary>
internal static class AuditFieldSecurity
{
    public static AuditPage Apply(EntityDefinition entity, EntityAccess access, AuditPage page) =>
        access.RestrictedFields.Count == 0 ? page : page with { Entries = page.Entries.Select(e => Apply(entity, access, e)).ToList() };

    private static AuditEntry Apply(EntityDefinition entity, EntityAccess access, AuditEntry entry)
    {
        if (entry.Changes is null) return entry;
        var changes = (JsonObject)entry.Changes.DeepClone();
        foreach (var (name, field) in access.RestrictedFields)
        {
            if (!changes.ContainsKey(name)) continue;
            if (field.Read == FieldRead.None || entity.FindField(name) is not { } definition)
            {
                changes.Remove(name);
                continue;
            }
            if (changes[name] is not JsonObject values) continue;
            foreach (var side in new[] { "old", "new" })
            {
                if (!values.ContainsKey(side)) continue;
                object? stored = values[side] is JsonValue value && value.TryGetValue<string>(out var text) ? text : values[side]?.ToJsonString();
                values[side] = FieldMasking.Mask(definition, stored) is { } masked ? JsonValue.Create(masked.ToString()) : null;
            }
        }
        return entry with { Changes = changes };
    }
}
