using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Metadata.Loading;

namespace Platform.Metadata.Validation;

/// <summary>
/// Rules of the security documents that JSON Schema cannot check: unique names across modules, privileges and field
/// restrictions that name real entities and fields, teams and business units whose unit exists, and no cycle of parents.
/// (Unknown privileges, scopes and field restrictions are refused by the schemas.)
/// </summary>
internal static class SecurityRules
{
    public static IEnumerable<DefinitionError> CheckRoles(ValidationContext context)
    {
        var roles = Roles(context);
        return Duplicates(roles, "role", r => r.Name).Concat(roles.SelectMany(r => RoleErrors(context, r.File, r.Document)));
    }

    public static IEnumerable<DefinitionError> CheckTeams(ValidationContext context)
    {
        var teams = Entries(context, m => m.Teams, ModuleLayout.TeamsFolder, t => t.Name);
        var unitNames = UnitNames(context);
        var errors = Duplicates(teams, "team", t => t.Name).ToList();
        foreach (var (file, team) in teams)
        {
            if (team.BusinessUnit is { } unit && !unitNames.Contains(unit))
                errors.Add(new DefinitionError(file, "/businessUnit", $"there is no business unit '{unit}'"));
        }
        return errors;
    }

    public static IEnumerable<DefinitionError> CheckBusinessUnits(ValidationContext context)
    {
        var units = Units(context);
        var unitNames = UnitNames(context);
        var errors = Duplicates(units, "business unit", b => b.Name).ToList();
        foreach (var (file, unit) in units)
        {
            if (unit.Parent is { } parent && !unitNames.Contains(parent))
                errors.Add(new DefinitionError(file, "/parent", $"there is no business unit '{parent}'"));
        }
        errors.AddRange(ParentCycles(units));
        return errors;
    }

    private static List<(string File, RoleDefinition Document)> Roles(ValidationContext context) =>
        Entries(context, m => m.Roles, ModuleLayout.RolesFolder, r => r.Name);

    private static List<(string File, BusinessUnitDefinition Document)> Units(ValidationContext context) =>
        Entries(context, m => m.BusinessUnits, ModuleLayout.BusinessUnitsFolder, b => b.Name);

    private static HashSet<string> UnitNames(ValidationContext context) =>
        context.Modules.SelectMany(m => m.BusinessUnits).Select(u => u.Document.Name).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<DefinitionError> RoleErrors(ValidationContext context, string file, RoleDefinition role)
    {
        foreach (var entity in role.Privileges.Keys)
        {
            if (entity != RoleDefinition.AllEntities && UnknownEntity(context, entity))
                yield return new DefinitionError(file, JsonPointer.Append("/privileges", entity), $"there is no entity '{entity}' (use \"*\" for every entity)");
        }
        foreach (var (entity, fields) in role.FieldSecurity)
        {
            var pointer = JsonPointer.Append("/fieldSecurity", entity);
            if (UnknownEntity(context, entity))
            {
                yield return new DefinitionError(file, pointer, $"there is no entity '{entity}'");
                continue;
            }
            if (!context.EntitiesByName.TryGetValue(entity, out var entry)) continue;
            foreach (var field in fields.Keys.Where(f => entry.Entity.FindField(f) is null))
                yield return new DefinitionError(file, JsonPointer.Append(pointer, field),
                    SystemFields.IsSystem(field) ? $"'{field}' is a system field; only the entity's own fields can be restricted" : $"{entity} has no field '{field}'");
        }
    }

    private static bool UnknownEntity(ValidationContext context, string entity) =>
        !context.EntitiesByName.ContainsKey(entity) && !context.Unloaded.EntityNames.Contains(entity);

    /// <summary>Each business unit that is its own ancestor is reported once per cycle, at the first unit's file.</summary>
    private static IEnumerable<DefinitionError> ParentCycles(IReadOnlyList<(string File, BusinessUnitDefinition Document)> units)
    {
        var byName = units.DistinctBy(u => u.Document.Name).ToDictionary(u => u.Document.Name);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, unit) in byName.Values)
        {
            var path = new List<string> { unit.Name };
            var current = unit.Parent;
            while (current is not null && byName.TryGetValue(current, out var parent) && !reported.Contains(current))
            {
                if (current == unit.Name)
                {
                    reported.UnionWith(path);
                    yield return new DefinitionError(file, "/parent", $"business units form a cycle: {string.Join(" → ", path)} → {unit.Name}");
                    break;
                }
                if (path.Contains(current)) break; // a cycle further up; reported from one of its own units
                path.Add(current);
                current = parent.Document.Parent;
            }
        }
    }

    private static IEnumerable<DefinitionError> Duplicates<T>(IReadOnlyList<(string File, T Document)> entries, string kind, Func<T, string> name) =>
        entries.GroupBy(e => name(e.Document), StringComparer.Ordinal).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(e => new DefinitionError(e.File, "/name", $"the {kind} '{g.Key}' is also declared in {g.First().File}")));

    private static List<(string File, T Document)> Entries<T>(
        ValidationContext context, Func<ModuleDefinition, IReadOnlyList<SourcedDocument<T>>> documents, string folder, Func<T, string> name) =>
        context.Modules.SelectMany(m => documents(m).Select(d =>
            (string.IsNullOrEmpty(d.File) ? ModuleLayout.VirtualDocumentFile(m.Id, folder, name(d.Document)) : d.File, d.Document))).ToList();
}
