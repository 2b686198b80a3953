using Platform.Metadata.Definitions;
using Platform.Records.Auditing;
using Platform.Runtime;

namespace Platform.Records.Security;

/// <summary>
/// Permission changes made by applying modules: each role, team or business unit added, changed or removed between
/// two definition sets becomes an audit entry ("security-definition-changed"), so the trail shows who changed what.
/// Whoever applies modules to a tenant (host start-up, CLI, an admin API) calls <see cref="AuditAsync"/> after applying.
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

    public static async Task AuditAsync(IAuditLog audit, TenantRuntime runtime, DefinitionSet? before, RecordActor actor, CancellationToken ct)
    {
        foreach (var change in Between(before, runtime.Definitions))
            await audit.WriteAsync(runtime, new AuditEvent(Action, actor, Details: new Dictionary<string, object?>
            {
                ["kind"] = change.Kind, ["name"] = change.Name, ["change"] = change.What,
            }), ct);
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
