using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.Metadata.Definitions;

/// <summary>
/// The immutable set of modules and entities a tenant has (or is about to have).
/// Its <see cref="Version"/> is a content hash, so equal definitions share one cache entry across tenants.
/// </summary>
public sealed class DefinitionSet
{
    private readonly Dictionary<string, EntityDefinition> _entities;

    public DefinitionSet(IReadOnlyList<ModuleDefinition> modules)
    {
        Modules = modules;
        _entities = modules.SelectMany(m => m.Entities).Select(e => e.Document)
            .GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Last());
        Version = ComputeVersion(modules);
    }

    public static DefinitionSet Empty { get; } = new([]);

    public IReadOnlyList<ModuleDefinition> Modules { get; }

    public IEnumerable<EntityDefinition> Entities => _entities.Values;

    public string Version { get; }

    public EntityDefinition? Find(string entity) => _entities.GetValueOrDefault(entity);

    public bool Contains(string entity) => _entities.ContainsKey(entity);

    private static string ComputeVersion(IReadOnlyList<ModuleDefinition> modules)
    {
        var canonical = modules.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => new
        {
            m.Manifest,
            Entities = m.Entities.Select(e => e.Document).OrderBy(e => e.Name, StringComparer.Ordinal).ToList(),
        });
        var bytes = JsonSerializer.SerializeToUtf8Bytes(canonical, DefinitionJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
    }
}
