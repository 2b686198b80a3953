using System.Collections.Concurrent;
using Platform.Metadata.Definitions;
using Platform.Storage.Encryption;
using Platform.Storage.Physical;
using Platform.Storage.Records;
using Platform.Storage.Schema;
using Platform.Tenancy;

namespace Platform.Runtime;

/// <summary>
/// Caches each tenant's runtime. Physical models are shared by definitions version and provider, so a thousand
/// tenants with the same modules hold one model; each tenant only adds its record store. The version is a SHA-256 of
/// every document and script file (<see cref="DefinitionSet.Version"/>), so a model — and the scripts its definitions
/// carry — is shared only by tenants whose definitions are equal in full. Another process (the
/// CLI, another node) may apply a schema change, so a cached runtime is re-checked against the tenant's latest
/// schema version at most every <see cref="RevalidateAfter"/>.
/// </summary>
/// <param name="cipher">Seals encrypted fields; without it, entities with encrypted fields cannot be written or read.</param>
public sealed class TenantRuntimeCache(TenantCatalog catalog, FieldCipher? cipher = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TenantRuntime?>>> _tenants = new();
    private readonly ConcurrentDictionary<string, PhysicalModel> _models = new();

    public TenantCatalog Catalog { get; } = catalog;

    /// <summary>The master key of encrypted fields (none when the host or CLI has no key).</summary>
    public FieldCipher? Cipher => cipher;

    public static TimeSpan RevalidateAfter { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The tenant's runtime, or null when no such tenant exists.</summary>
    public async Task<TenantRuntime?> GetAsync(string tenantId, CancellationToken ct)
    {
        var entry = _tenants.GetOrAdd(tenantId, id => new Lazy<Task<TenantRuntime?>>(() => LoadAsync(id)));
        var runtime = await entry.Value.WaitAsync(ct);
        // Unknown tenants are not remembered, so guessing ids cannot grow the cache.
        if (runtime is null) _tenants.TryRemove(new KeyValuePair<string, Lazy<Task<TenantRuntime?>>>(tenantId, entry));
        else if (DateTime.UtcNow - runtime.LoadedAt > RevalidateAfter)
        {
            // Another node may have suspended or deleted the tenant, or applied a schema change.
            var current = await Catalog.FindCurrentAsync(tenantId, ct);
            if (current is null)
            {
                _tenants.TryRemove(new KeyValuePair<string, Lazy<Task<TenantRuntime?>>>(tenantId, entry));
                return null;
            }
            runtime.Status = current.Status;
            if (await SchemaHistory.ReadLatestVersionAsync(runtime.Tenant.Database, ct) != runtime.SchemaVersion)
            {
                _tenants.TryRemove(new KeyValuePair<string, Lazy<Task<TenantRuntime?>>>(tenantId, entry));
                return await GetAsync(tenantId, ct);
            }
            runtime.LoadedAt = DateTime.UtcNow;
        }
        return runtime;
    }

    /// <summary>Drops a tenant's runtime after its schema or status changed; the next request rebuilds it.</summary>
    public void Invalidate(string tenantId) => _tenants.TryRemove(tenantId, out _);

    private async Task<TenantRuntime?> LoadAsync(string tenantId)
    {
        try
        {
            var tenant = await Catalog.FindAsync(tenantId, CancellationToken.None);
            if (tenant is null) return null;
            var history = await SchemaHistory.ReadLatestAsync(tenant.Database, CancellationToken.None);
            if (history is not null) await PlatformTableUpgrade.EnsureAsync(tenant.Database, CancellationToken.None);
            var definitions = history?.Definitions ?? DefinitionSet.Empty;
            var model = _models.GetOrAdd($"{tenant.Database.Provider}:{definitions.Version}",
                _ => PhysicalModelBuilder.Build(definitions, tenant.Database.Provider));
            if (history is not null) await ScopedIndexUpgrade.EnsureAsync(tenant.Database, model, CancellationToken.None);
            return new TenantRuntime(tenant, history?.Version ?? 0, model, new RecordStore(tenant.Database, model, cipher?.ForTenant(tenant.Id)));
        }
        catch
        {
            // A failed load must not stick: the next request tries again.
            Invalidate(tenantId);
            throw;
        }
    }
}
