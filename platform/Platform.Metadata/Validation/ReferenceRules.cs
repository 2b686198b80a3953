using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>
/// Lookups and relations must point to entities of the set, in the same module or one the module depends on,
/// so a module never needs a table that might not be installed.
/// </summary>
internal static class ReferenceRules
{
    public static IEnumerable<DefinitionError> Check(ValidationContext context, EntityEntry entry)
    {
        var fields = entry.Entity.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Target is { } target && CheckTarget(context, entry.Module, target) is { } problem)
                yield return entry.Error($"/fields/{i}/target", problem);
        }
        var relations = entry.Entity.Relations;
        for (var i = 0; i < relations.Count; i++)
        {
            if (CheckTarget(context, entry.Module, relations[i].Target) is { } problem)
                yield return entry.Error($"/relations/{i}/target", problem);
        }
    }

    /// <summary>Whether a document of <paramref name="from"/> may name entity <paramref name="target"/>; null when it may.</summary>
    internal static string? CheckTarget(ValidationContext context, ModuleDefinition from, string target)
    {
        if (!context.EntitiesByName.TryGetValue(target, out var targetEntry))
        {
            return context.Unloaded.EntityNames.Contains(target)
                ? null
                : $"'{target}' is not an entity of the loaded modules";
        }
        var owner = targetEntry.Module.Id;
        var module = from.Id;
        if (owner == module || context.DependencyClosure(module).Contains(owner)) return null;
        return $"entity '{target}' belongs to module '{owner}', which module '{module}' does not depend on; " +
               $"add \"{owner}\" to dependsOn in {ValidationContext.ManifestFile(from)}";
    }
}
