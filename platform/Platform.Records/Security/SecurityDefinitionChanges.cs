using Platform.Metadata.Definitions;

namespace Platform.Records.Security;

/// <summary>
/// Permission changes made by applying modules: each role, team or business unit added, changed or removed between
/// two definition sets becomes an audit entry ("security-definition-changed"), so the trail shows what changed when.
/// The schema apply writes them in its own transaction (Platform.Audit's SecurityDefinitionAudit), whoever applies.
/// </summary>
public static class SecurityDefinitionChanges
{
    public const string Action = "security-definition-changed";

    public sealed record Change(string Kind, string Name, string What);

    public static IReadOnlyList<Change> Between(DefinitionSet? before, DefinitionSet after)
    {
        var changes = new List<Change>();
        Compare("role", before?.Roles, after.Roles, changes);
        Compare("team", before?.Teams, after.Teams, changes);
        Compare("businessUnit", before?.BusinessUnits, after.BusinessUnits, changes);
        return changes;
    }

    private static void Compare<T>(string kind, IReadOnlyDictionary<string, T>? before, IReadOnlyDictionary<string, T> after, List<Change> changes)
    {
        before ??= new Dictionary<string, T>();
        foreach (var (name, document) in after.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(name, out var old)) changes.Add(new Change(kind, name, "added"));
            else if (DefinitionJson.Serialize(old) != DefinitionJson.Serialize(document)) changes.Add(new Change(kind, name, "changed"));
        }
        foreach (var name in before.Keys.Where(n => !after.ContainsKey(n)).Order(StringComparer.Ordinal))
            changes.Add(new Change(kind, name, "removed"));
    }
}
