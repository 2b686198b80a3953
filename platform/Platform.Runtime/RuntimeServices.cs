using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Metadata.Kinds;
using Platform.Runtime.Polling;
using Platform.Tenancy;

namespace Platform.Runtime;

public static class RuntimeServices
{
    /// <summary>The tenant catalog, per-tenant runtimes and module installation, and the loop background jobs poll tenants with, over <paramref name="storage"/>.</summary>
    public static IServiceCollection AddPlatformRuntime(this IServiceCollection services, PlatformStorageOptions storage)
    {
        services.TryAddSingleton(storage);
        services.AddPlatformDocumentKinds();
        services.TryAddSingleton<TenantCatalog>();
        services.TryAddSingleton<TenantRuntimeCache>();
        services.TryAddSingleton<ModuleInstaller>();
        services.TryAddSingleton<TenantAdministration>();
        services.TryAddSingleton<TenantPollingLoop>();
        return services;
    }
}
