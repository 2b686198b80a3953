using NuGet.Versioning;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>Rules on module manifests: ids, versions and dependencies.</summary>
internal static class ModuleRules
{
    public static IEnumerable<DefinitionError> Check(ValidationContext context)
    {
        var seen = new Dictionary<string, ModuleDefinition>();
        foreach (var module in context.Modules)
        {
            if (NameRules.CheckModuleId(module.Id) is { } idProblem)
                yield return context.ModuleError(module, "/id", idProblem);
            if (!seen.TryAdd(module.Id, module))
                yield return context.ModuleError(module, "/id",
                    $"module id '{module.Id}' is already used by {ValidationContext.ManifestFile(seen[module.Id])}");
            if (!NuGetVersion.TryParseStrict(module.Manifest.Version, out _))
                yield return context.ModuleError(module, "/version",
                    $"'{module.Manifest.Version}' is not a valid semantic version: expected major.minor.patch, e.g. 1.2.0");
            foreach (var error in CheckDependencies(context, module)) yield return error;
        }
        foreach (var error in DependencyCycles.Find(context)) yield return error;
    }

    private static IEnumerable<DefinitionError> CheckDependencies(ValidationContext context, ModuleDefinition module)
    {
        foreach (var (id, rangeText) in module.Manifest.DependsOn)
        {
            var pointer = JsonPointer.Append("/dependsOn", id);
            if (id == module.Id)
            {
                yield return context.ModuleError(module, pointer, "a module cannot depend on itself");
                continue;
            }
            if (!DependencyRange.TryParse(rangeText, out var range))
            {
                yield return context.ModuleError(module, pointer,
                    $"'{rangeText}' is not a valid version range; use e.g. ^1.2.0, ~1.2.0, 1.x, >=1.0.0 <2.0.0, 1.2.3 or [1.0,2.0)");
                continue;
            }
            if (!context.ModulesById.TryGetValue(id, out var dependency))
            {
                if (!context.Unloaded.ModuleIds.Contains(id))
                    yield return context.ModuleError(module, pointer, $"depends on module '{id}', which is not among the loaded modules");
                continue;
            }
            if (NuGetVersion.TryParseStrict(dependency.Manifest.Version, out var version) && !range.Satisfies(version))
                yield return context.ModuleError(module, pointer,
                    $"requires module '{id}' {rangeText}, but version {dependency.Manifest.Version} is loaded");
        }
    }
}
