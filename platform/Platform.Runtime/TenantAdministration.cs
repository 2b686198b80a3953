using Platform.Tenancy;

namespace Platform.Runtime;

/// <summary>
/// Creating, listing, suspending, resuming and deleting tenants — the operations behind the CLI's <c>tenant</c>
/// commands and the operator API, so both behave alike.
/// </summary>
public sealed class TenantAdministration(TenantCatalog catalog, TenantRuntimeCache runtimes, ModuleInstaller installer)
{
    public Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken ct) => catalog.ListAsync(ct);

    public Task<TenantInfo?> FindAsync(string id, CancellationToken ct) => catalog.FindCurrentAsync(id, ct);

    /// <summary>
    /// Creates the tenant (on another PostgreSQL server or database when <paramref name="connectionString"/> is given)
    /// and applies the modules. When the modules fail to validate or plan, the new tenant is removed again.
    /// </summary>
    public async Task<TenantCreateResult> CreateAsync(string id, string? connectionString, IReadOnlyList<string> moduleFolders, CancellationToken ct)
    {
        var tenant = await catalog.CreateAsync(id, connectionString, ct);
        // Applied even without modules: that creates the platform tables (users, audit...) a tenant always needs.
        ModuleInstallResult install;
        try
        {
            install = await installer.ApplyAsync(id, moduleFolders, allowDataLoss: false, ct);
        }
        catch
        {
            await DeleteAsync(id, CancellationToken.None);
            throw;
        }
        if (install.HasErrors || install.Refused) await DeleteAsync(id, CancellationToken.None);
        return new TenantCreateResult(tenant, install);
    }

    public Task SuspendAsync(string id, CancellationToken ct) => SetStatusAsync(id, TenantStatus.Suspended, ct);

    public Task ResumeAsync(string id, CancellationToken ct) => SetStatusAsync(id, TenantStatus.Active, ct);

    /// <summary>Removes the tenant from the catalog first (requests stop finding it), then deletes its database.</summary>
    public async Task<TenantInfo> DeleteAsync(string id, CancellationToken ct)
    {
        var tenant = await catalog.RemoveAsync(id, ct);
        runtimes.Invalidate(id);
        await TenantStorageRemover.RemoveAsync(tenant.Database, ct);
        return tenant;
    }

    private async Task SetStatusAsync(string id, TenantStatus status, CancellationToken ct)
    {
        await catalog.SetStatusAsync(id, status, ct);
        runtimes.Invalidate(id);
    }
}

/// <param name="Install">The module installation; its errors or refusal mean the tenant was removed again.</param>
public sealed record TenantCreateResult(TenantInfo Tenant, ModuleInstallResult Install)
{
    public bool Succeeded => !Install.HasErrors && !Install.Refused;
}
