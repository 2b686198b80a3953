using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>Loads module folders into a validated <see cref="DefinitionSet"/>, reporting all errors at once.</summary>
public static class ModuleSetLoader
{
    public static Task<ModuleSetLoadResult> LoadAsync(IEnumerable<string> moduleFolders, CancellationToken cancellationToken = default) =>
        LoadAsync(moduleFolders, [], cancellationToken);

    /// <summary>
    /// Loads module folders on top of modules a tenant already has: a loaded module replaces the installed one with
    /// the same id, the others stay, and the whole set is validated (so a module may depend on an installed one).
    /// </summary>
    public static async Task<ModuleSetLoadResult> LoadAsync(
        IEnumerable<string> moduleFolders, IReadOnlyList<ModuleDefinition> installed, CancellationToken cancellationToken = default)
    {
        var loads = await Task.WhenAll(moduleFolders.Select(folder => ModuleLoader.LoadAsync(folder, cancellationToken)));
        var loaded = loads.Where(l => l.Module is not null).Select(l => l.Module!).ToList();
        var replaced = loaded.Select(m => m.Id).Concat(loads.Where(l => l.BrokenModuleId is not null).Select(l => l.BrokenModuleId!)).ToHashSet();
        var modules = installed.Where(m => !replaced.Contains(m.Id)).Concat(loaded).ToList();
        var unloaded = new UnloadedDefinitions(
            loads.Where(l => l.BrokenModuleId is not null).Select(l => l.BrokenModuleId!).ToHashSet(),
            loads.SelectMany(l => l.BrokenEntities).ToHashSet());

        // Semantic rules run even when some documents failed, so one pass shows every problem;
        // references to what failed are skipped, since those documents already carry their own errors.
        var errors = loads.SelectMany(l => l.Errors)
            .Concat(DefinitionValidator.Validate(modules, unloaded))
            .GroupBy(e => e.File)
            .SelectMany(g => g)
            .ToList();
        return errors.Count > 0 ? new ModuleSetLoadResult(null, errors) : new ModuleSetLoadResult(new DefinitionSet(modules), errors);
    }
}
