using Platform.Metadata.Definitions;
using Platform.Metadata.Kinds;
using Platform.Metadata.Loading;
using Platform.Storage.Schema;
using Platform.Tenancy;

namespace Platform.Runtime;

/// <summary>
/// Installs or upgrades modules on a tenant: the modules given replace the tenant's modules with the same ids,
/// the whole set is validated, planned against the tenant database and, on apply, applied atomically.
/// The CLI, the host's first start and (later) the studio all come through here.
/// </summary>
/// <param name="audit">Audits changes of security documents in the apply's transaction (every host and the CLI pass one).</param>
/// <param name="kinds">The document kinds module folders are read with (the host's from DI, the CLI's own); the default catalogue when null.</param>
public sealed class ModuleInstaller(TenantCatalog catalog, TenantRuntimeCache runtimes, ISchemaChangeAudit? audit = null, DocumentKindCatalog? kinds = null)
{
    /// <summary>The kinds this installer reads, validates and exports.</summary>
    public DocumentKindCatalog Kinds { get; } = kinds ?? DocumentKindCatalog.Default;

    public Task<ModuleInstallResult> PlanAsync(string tenantId, IReadOnlyList<string> moduleFolders, CancellationToken ct) =>
        RunAsync(tenantId, moduleFolders, apply: false, allowDataLoss: false, ct);

    public Task<ModuleInstallResult> ApplyAsync(string tenantId, IReadOnlyList<string> moduleFolders, bool allowDataLoss, CancellationToken ct) =>
        RunAsync(tenantId, moduleFolders, apply: true, allowDataLoss, ct);

    private async Task<ModuleInstallResult> RunAsync(string tenantId, IReadOnlyList<string> moduleFolders, bool apply, bool allowDataLoss, CancellationToken ct)
    {
        TenantId.EnsureValid(tenantId);
        // Planning never creates a tenant; applying does.
        var tenant = apply ? (await catalog.GetOrCreateAsync(tenantId, ct)).Tenant : await catalog.FindAsync(tenantId, ct);
        var database = tenant?.Database ?? TenantPlacement.For(catalog.Options, tenantId);
        var current = tenant is null ? null : await SchemaHistory.ReadLatestAsync(database, ct);

        var load = await ModuleSetLoader.LoadAsync(moduleFolders, current?.Definitions.Modules ?? [], Kinds, ct);
        if (!load.Succeeded) return new ModuleInstallResult(tenant, load.Errors, null, null);

        // A tenant not created yet has no database to open (on SQLite not even a file): plan against an empty one.
        var plan = tenant is null
            ? await SchemaPlanner.PlanAsync(database, null, load.Set, null, ct)
            : await SchemaPlanner.PlanAsync(database, load.Set, ct);
        if (!apply || tenant is null) return new ModuleInstallResult(tenant, [], plan, null);

        var applied = await SchemaApplier.ApplyAsync(plan, allowDataLoss, ct, audit, runtimes.Cipher?.ForTenant(tenantId));
        if (applied.Changed) runtimes.Invalidate(tenantId);
        return new ModuleInstallResult(tenant, [], plan, applied);
    }

    /// <summary>The tenant's installed modules, for export.</summary>
    public async Task<IReadOnlyList<ModuleDefinition>> InstalledAsync(string tenantId, CancellationToken ct)
    {
        var tenant = await catalog.FindAsync(tenantId, ct) ?? throw new KeyNotFoundException($"No tenant '{tenantId}'.");
        var current = await SchemaHistory.ReadLatestAsync(tenant.Database, ct);
        return current?.Definitions.Modules ?? [];
    }
}
