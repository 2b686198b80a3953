using System.Security.Cryptography;
using System.Text.Json;
using System.Collections.Concurrent;
using Platform.Metadata.Definitions.Security;
using Platform.Metadata.Kinds;

namespace Platform.Metadata.Definitions;

/// <summary>
/// The immutable set of modules and entities a tenant has (or is about to have).
/// Its <see cref="Version"/> is a SHA-256 of everything the tenant runs — every manifest, document and script or
/// library file — so caches keyed by it (physical models, compiled scripts) are shared only by equal content, and an
/// edit to any file, a script alone included, is a new version that plan shows and apply makes live.
/// </summary>
public sealed class DefinitionSet
{
    private readonly Dictionary<string, EntityDefinition> _entities;
    private readonly ConcurrentDictionary<string, object> _documents = new(StringComparer.Ordinal);

    public DefinitionSet(IReadOnlyList<ModuleDefinition> modules)
    {
        Modules = modules;
        _entities = modules.SelectMany(m => m.Entities).Select(e => e.Document)
            .GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Last());
        Roles = modules.SelectMany(m => m.Roles).Select(r => r.Document).GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.Last());
        Teams = modules.SelectMany(m => m.Teams).Select(t => t.Document).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.Last());
        BusinessUnits = modules.SelectMany(m => m.BusinessUnits).Select(b => b.Document).GroupBy(b => b.Name).ToDictionary(g => g.Key, g => g.Last());
        Version = ComputeVersion(modules);
    }

    public static DefinitionSet Empty { get; } = new([]);

    public IReadOnlyList<ModuleDefinition> Modules { get; }

    public IEnumerable<EntityDefinition> Entities => _entities.Values;

    public string Version { get; }

    /// <summary>Security roles by name.</summary>
    public IReadOnlyDictionary<string, RoleDefinition> Roles { get; }

    public IReadOnlyDictionary<string, TeamDefinition> Teams { get; }

    public IReadOnlyDictionary<string, BusinessUnitDefinition> BusinessUnits { get; }

    public EntityDefinition? Find(string entity) => _entities.GetValueOrDefault(entity);

    public bool Contains(string entity) => _entities.ContainsKey(entity);

    /// <summary>Every document of a registered kind across the modules, in module order; read once per definition set.</summary>
    public IReadOnlyList<TDocument> Documents<TDocument>(DocumentKind<TDocument> kind) where TDocument : class =>
        (IReadOnlyList<TDocument>)_documents.GetOrAdd(kind.Name, _ => Modules.SelectMany(m => kind.Documents(m)).Select(d => d.Document).ToList());

    private static string ComputeVersion(IReadOnlyList<ModuleDefinition> modules)
    {
        var canonical = modules.OrderBy(m => m.Id, StringComparer.Ordinal).Select(DefinitionContent.VersionParts);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(canonical, DefinitionJson.Options);
        // The whole hash: it keys state shared between tenants, so it must not be cheap to collide.
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
