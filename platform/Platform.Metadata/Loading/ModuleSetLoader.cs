using Platform.Metadata.Definitions;
using Platform.Metadata.Kinds;
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
    public static Task<ModuleSetLoadResult> LoadAsync(
        IEnumerable<string> moduleFolders, IReadOnlyList<ModuleDefinition> installed, CancellationToken cancellationToken = default) =>
        LoadAsync(moduleFolders, installed, DocumentKindCatalog.Default, cancellationToken);

    /// <summary>Loads module folders on top of installed modules, reading the kinds of <paramref name="kinds"/>.</summary>
    public static async Task<ModuleSetLoadResult> LoadAsync(
        IEnumerable<string> moduleFolders, IReadOnlyList<ModuleDefinition> installed, DocumentKindCatalog kinds, CancellationToken cancellationToken = default)
    {
        var loads = await Task.WhenAll(moduleFolders.Select(folder => ModuleLoader.LoadAsync(folder, kinds, cancellationToken)));
        var loaded = loads.Where(l => l.Module is not null).Select(l => l.Module!).ToList();
        var replaced = loaded.Select(m => m.Id).Concat(loads.Where(l => l.BrokenModuleId is not null).Select(l => l.BrokenModuleId!)).ToHashSet();
        var modules = installed.Where(m => !replaced.Contains(m.Id)).Concat(loaded).ToList();
        var unloaded = new UnloadedDefinitions(
            loads.Where(l => l.BrokenModuleId is not null).Select(l => l.BrokenModuleId!).ToHashSet(),
            loads.SelectMany(l => l.BrokenEntities).ToHashSet());

        // Semantic rules run even when some documents failed, so one pass shows every problem: documents that failed
        // their schema are checked as far as they can be read (salvaged), and references to what could not be read
        // at all are skipped, since those documents already carry their own errors.
        var salvaged = loads.SelectMany(l => l.Salvaged).ToDictionary(s => s.File);
        var checkedModules = salvaged.Count == 0 ? modules : modules.Select(m => WithSalvaged(m, loads)).ToList();
        var semantic = DefinitionValidator.Validate(checkedModules, unloaded, kinds)
            .Where(e => !salvaged.TryGetValue(e.File, out var salvage) || !salvage.Covers(e.Pointer));
        var errors = loads.SelectMany(l => l.Errors)
            .Concat(semantic)
            .GroupBy(e => e.File)
            .SelectMany(g => g)
            .ToList();
        return errors.Count > 0 ? new ModuleSetLoadResult(null, errors) : new ModuleSetLoadResult(new DefinitionSet(modules), errors);
    }

    /// <summary>The module with its salvaged entity documents, in file order, for validation only.</summary>
    private static ModuleDefinition WithSalvaged(ModuleDefinition module, IEnumerable<ModuleLoadResult> loads)
    {
        var load = loads.FirstOrDefault(l => ReferenceEquals(l.Module, module));
        if (load is null || load.Salvaged.Count == 0) return module;
        return module with
        {
            Entities = module.Entities.Concat(load.Salvaged.Select(s => s.Document)).OrderBy(e => e.File, StringComparer.Ordinal).ToList(),
        };
    }
}
