using Platform.Metadata.Loading;

namespace Platform.Metadata.Definitions;

/// <summary>
/// Which files differ between the applied definitions and new ones. Table changes show as DDL; this names what has no
/// DDL of its own — a script or library edit, a role, a label — so a plan never reads "No changes" when apply would
/// change what the tenant runs.
/// </summary>
public static class DefinitionChanges
{
    public static IReadOnlyList<DefinitionChange> Between(DefinitionSet current, DefinitionSet target)
    {
        var before = Files(current);
        var after = Files(target);
        var changes = new List<DefinitionChange>();
        foreach (var (file, (what, content)) in after)
        {
            if (!before.TryGetValue(file, out var was)) changes.Add(new DefinitionChange(what, DefinitionChangeKind.Added, file));
            else if (!string.Equals(was.Content, content, StringComparison.Ordinal)) changes.Add(new DefinitionChange(what, DefinitionChangeKind.Changed, file));
        }
        foreach (var (file, (what, _)) in before)
            if (!after.ContainsKey(file)) changes.Add(new DefinitionChange(what, DefinitionChangeKind.Removed, file));
        return changes.OrderBy(c => c.File, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every file of the set, by module id and path, with its canonical content.</summary>
    private static Dictionary<string, (string What, string Content)> Files(DefinitionSet set)
    {
        var files = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var module in set.Modules)
        {
            files[ModuleLayout.VirtualManifestFile(module.Id)] = ("module", DefinitionJson.Serialize(module.Manifest));
            foreach (var entity in module.Entities.Select(e => e.Document))
                files[ModuleLayout.VirtualEntityFile(module.Id, entity.Name)] = ("entity", DefinitionJson.Serialize(entity));
            foreach (var role in module.Roles.Select(r => r.Document))
                files[ModuleLayout.VirtualDocumentFile(module.Id, ModuleLayout.RolesFolder, role.Name)] = ("role", DefinitionJson.Serialize(role));
            foreach (var team in module.Teams.Select(t => t.Document))
                files[ModuleLayout.VirtualDocumentFile(module.Id, ModuleLayout.TeamsFolder, team.Name)] = ("team", DefinitionJson.Serialize(team));
            foreach (var unit in module.BusinessUnits.Select(b => b.Document))
                files[ModuleLayout.VirtualDocumentFile(module.Id, ModuleLayout.BusinessUnitsFolder, unit.Name)] = ("business unit", DefinitionJson.Serialize(unit));
            foreach (var (path, code) in module.Scripts)
                files[$"{module.Id}/{path}"] = ("script", code);
        }
        return files;
    }
}
