using Platform.Metadata.Definitions;
using Platform.Storage.Providers;

namespace Platform.Storage.Physical;

/// <summary>Every table, column, index and foreign key a tenant database has for one definition set on one provider.</summary>
public sealed class PhysicalModel
{
    private readonly Dictionary<string, TableModel> _tables;

    public PhysicalModel(DefinitionSet definitions, DatabaseProvider provider, IReadOnlyList<TableModel> tables)
    {
        Definitions = definitions;
        Provider = provider;
        Tables = tables;
        _tables = tables.ToDictionary(t => t.Name);
    }

    public DefinitionSet Definitions { get; }
    public DatabaseProvider Provider { get; }
    public IReadOnlyList<TableModel> Tables { get; }

    /// <summary>
    /// Identifies the model for caches: same definitions and platform tables on the same provider give the same key (the
    /// platform tables are the process's registered ones, or just the one <c>PlatformTableUpgrade</c> creates).
    /// </summary>
    public string CacheKey => _cacheKey ??= $"{Provider}:{Definitions.Version}:{string.Join(',', Tables.Where(t => t.Entity is null && t.Name.StartsWith("platform_", StringComparison.Ordinal)).Select(t => t.Name))}";

    private string? _cacheKey;

    public TableModel? FindTable(string name) => _tables.GetValueOrDefault(name);

    public TableModel Table(string name) =>
        FindTable(name) ?? throw new KeyNotFoundException($"No table '{name}'.");
}
