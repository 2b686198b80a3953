using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;

namespace Platform.Records.Security;

/// <summary>
/// The security documents of one definition set, precomputed: the business-unit tree and, per set of role names,
/// each entity's effective privileges. Built once per definitions version, so a request only looks things up.
/// </summary>
public sealed class SecurityModel
{
    private static readonly ConditionalWeakTable<DefinitionSet, SecurityModel> Models = new();

    private readonly DefinitionSet _definitions;
    private readonly Dictionary<string, IReadOnlyList<string>> _unitAndDescendants;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, EntityAccess>> _byRoles = new(StringComparer.Ordinal);

    private SecurityModel(DefinitionSet definitions)
    {
        _definitions = definitions;
        var children = definitions.BusinessUnits.Values.Where(u => u.Parent is not null)
            .GroupBy(u => u.Parent!).ToDictionary(g => g.Key, g => g.Select(u => u.Name).ToList());
        _unitAndDescendants = definitions.BusinessUnits.Keys.ToDictionary(u => u, u => (IReadOnlyList<string>)Descendants(u, children));
    }

    public static SecurityModel For(DefinitionSet definitions) => Models.GetValue(definitions, d => new SecurityModel(d));

    /// <summary>A business unit and every unit below it (just the unit itself when it is not declared).</summary>
    public IReadOnlyList<string> UnitAndDescendants(string unit) => _unitAndDescendants.GetValueOrDefault(unit) ?? [unit];

    /// <summary>
    /// Whether the roles administer the tenant: the built-in <see cref="RoleDefinition.BuiltInAdministrator"/> role, or a
    /// role whose document says <c>"administers": true</c>. One rule for every administration route (users, API keys,
    /// audit, privacy, script runs, security metadata); a property of the documents, not of record privileges.
    /// </summary>
    public bool IsAdministrator(IEnumerable<string> roles) =>
        roles.Any(r => r == RoleDefinition.BuiltInAdministrator || _definitions.Roles.GetValueOrDefault(r)?.Administers == true);

    /// <summary>The effective privileges on an entity of a user holding these roles (unknown role names grant nothing).</summary>
    public EntityAccess Access(IReadOnlyList<string> roles, string entity)
    {
        var key = roles.Count == 1 ? roles[0] : string.Join('\n', roles.Order(StringComparer.Ordinal));
        var perEntity = _byRoles.TryGetValue(key, out var cached) ? cached : _byRoles.GetOrAdd(key, _ => new ConcurrentDictionary<string, EntityAccess>(StringComparer.Ordinal));
        return perEntity.TryGetValue(entity, out var access) ? access : perEntity.GetOrAdd(entity, e => Compute(roles, e));
    }

    private EntityAccess Compute(IReadOnlyList<string> roleNames, string entity)
    {
        var roles = roleNames.Distinct().Select(r => _definitions.Roles.GetValueOrDefault(r)).OfType<RoleDefinition>().ToList();
        var scopes = new Dictionary<Privilege, PrivilegeScope>();
        foreach (var privilege in Enum.GetValues<Privilege>())
            scopes[privilege] = roles.Select(r => r.For(entity)?.Scope(privilege) ?? PrivilegeScope.None).DefaultIfEmpty(PrivilegeScope.None).Max();

        // A field is restricted only as far as every role restricts it: a role that does not name it grants full access.
        // Only roles that grant something on the entity count: one that grants nothing (an auditor's) unmasks nothing.
        var granting = roles.Where(r => Enum.GetValues<Privilege>().Any(p => (r.For(entity)?.Scope(p) ?? PrivilegeScope.None) != PrivilegeScope.None)).ToList();
        var restricted = new Dictionary<string, FieldAccess>(StringComparer.Ordinal);
        if (granting.Count > 0 && granting.All(r => r.FieldSecurity.ContainsKey(entity)))
        {
            foreach (var field in granting.SelectMany(r => r.FieldSecurity[entity].Keys).Distinct())
            {
                var access = granting.Select(r => r.FieldSecurity[entity].TryGetValue(field, out var level) ? Of(level) : FieldAccess.Full)
                    .Aggregate((a, b) => a.Union(b));
                if (access != FieldAccess.Full) restricted[field] = access;
            }
        }
        return new EntityAccess(scopes, restricted);
    }

    private static FieldAccess Of(FieldAccessLevel level) => level switch
    {
        FieldAccessLevel.Masked => new FieldAccess(FieldRead.Masked, true),
        FieldAccessLevel.ReadOnly => new FieldAccess(FieldRead.Full, false),
        _ => new FieldAccess(FieldRead.None, false),
    };

    private static List<string> Descendants(string unit, Dictionary<string, List<string>> children)
    {
        var result = new List<string>();
        var pending = new Stack<string>([unit]);
        // Validation refuses cycles; the visited check keeps a hand-built set from looping anyway.
        while (pending.TryPop(out var current))
        {
            if (result.Contains(current)) continue;
            result.Add(current);
            foreach (var child in children.GetValueOrDefault(current) ?? []) pending.Push(child);
        }
        return result;
    }
}
