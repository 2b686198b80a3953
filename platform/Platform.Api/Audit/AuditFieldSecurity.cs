using System.Text.Json.Nodes;
using Platform.Audit.Trail;
using Platform.Metadata.Definitions;
using Platform.Records.Security;

namespace Platform.Api.Audit;

/// <summary>
/// A record's history shows no more than the record does: fields the reader may not see are left out of each entry's
/// changes, and masked fields show their old and new values masked (otherwise the trail would leak them). Entries keep
/// the field names they were written with, so a name is matched to every current field it may stand for (the field of
/// that name, and a field renamed from it) and gets the strictest of their rules; a name no current field accounts
/// for (a field renamed twice, or removed) is left out for any reader with restricted fields on the entity.
/// </summary>
internal static class AuditFieldSecurity
{
    public static AuditPage Apply(EntityDefinition entity, EntityAccess access, AuditPage page) =>
        access.RestrictedFields.Count == 0 ? page : page with { Entries = page.Entries.Select(e => Apply(entity, access, e)).ToList() };

    public static AuditEntry Apply(EntityDefinition entity, EntityAccess access, AuditEntry entry)
    {
        if (entry.Changes is null || access.RestrictedFields.Count == 0) return entry;
        var changes = (JsonObject)entry.Changes.DeepClone();
        foreach (var name in changes.Select(c => c.Key).ToList())
        {
            var candidates = entity.Fields.Where(f => f.Name == name || f.RenamedFrom == name).ToList();
            if (candidates.Count == 0)
            {
                changes.Remove(name);
                continue;
            }
            var (field, read) = candidates.Select(f => (Field: f, access.Field(f.Name).Read)).MinBy(c => c.Read);
            if (read == FieldRead.Full) continue;
            if (read == FieldRead.None)
            {
                changes.Remove(name);
                continue;
            }
            if (changes[name] is not JsonObject values) continue;
            foreach (var side in new[] { "old", "new" })
            {
                if (!values.ContainsKey(side) || IsMarker(values[side])) continue;
                object? stored = values[side] is JsonValue value && value.TryGetValue<string>(out var text) ? text : values[side]?.ToJsonString();
                values[side] = FieldMasking.Mask(field, stored) is { } masked ? JsonValue.Create(masked.ToString()) : null;
            }
        }
        return entry with { Changes = changes };
    }

    /// <summary>"[erased]" and "[encrypted]" stand in for values the trail never held: nothing to mask.</summary>
    private static bool IsMarker(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && text is AuditValues.Erased or AuditValues.Encrypted;
}
