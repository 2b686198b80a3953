using Platform.Metadata.Kinds;

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
        foreach (var file in set.Modules.SelectMany(DefinitionContent.Files))
            files[file.Path] = (file.What, file.Content);
        return files;
    }
}
