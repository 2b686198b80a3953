using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;

namespace Platform.Metadata.Validation;

/// <summary>The module set under validation, indexed the ways the rules look things up.</summary>
internal sealed class ValidationContext
{
    private readonly Dictionary<string, IReadOnlySet<string>> _dependencyClosures = new();

    public ValidationContext(IReadOnlyList<ModuleDefinition> modules, UnloadedDefinitions unloaded)
    {
        Modules = modules;
        Unloaded = unloaded;
        Entities = modules
            .SelectMany(m => m.Entities.Select(e => new EntityEntry(m, EntityFile(m, e), e.Document)))
            .ToList();
        // The first declaration wins; later ones are reported as duplicates.
        ModulesById = modules.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        EntitiesByName = Entities.DistinctBy(e => e.Entity.Name).ToDictionary(e => e.Entity.Name);
    }

    public IReadOnlyList<ModuleDefinition> Modules { get; }
    public UnloadedDefinitions Unloaded { get; }
    public IReadOnlyList<EntityEntry> Entities { get; }
    public IReadOnlyDictionary<string, ModuleDefinition> ModulesById { get; }
    public IReadOnlyDictionary<string, EntityEntry> EntitiesByName { get; }

    public static string ManifestFile(ModuleDefinition module) =>
        module.SourcePath is { } folder ? ModuleLayout.ManifestPath(folder) : ModuleLayout.VirtualManifestFile(module.Id);

    public DefinitionError ModuleError(ModuleDefinition module, string pointer, string message) =>
        new(ManifestFile(module), pointer, message);

    /// <summary>The ids of the modules <paramref name="moduleId"/> depends on, directly or not (cycles tolerated).</summary>
    public IReadOnlySet<string> DependencyClosure(string moduleId)
    {
        if (_dependencyClosures.TryGetValue(moduleId, out var cached)) return cached;
        var reached = new HashSet<string>();
        var pending = new Stack<string>([moduleId]);
        while (pending.TryPop(out var current))
        {
            if (!ModulesById.TryGetValue(current, out var module)) continue;
            foreach (var dependency in module.Manifest.DependsOn.Keys)
            {
                if (reached.Add(dependency)) pending.Push(dependency);
            }
        }
        return _dependencyClosures[moduleId] = reached;
    }

    private static string EntityFile(ModuleDefinition module, SourcedDocument<EntityDefinition> document) =>
        string.IsNullOrEmpty(document.File) ? ModuleLayout.VirtualEntityFile(module.Id, document.Document.Name) : document.File;
}
