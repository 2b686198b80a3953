using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Storage.Physical;

public static class PlatformTableServices
{
    /// <summary>Declares a feature's platform tables: every tenant database of this process gets them.</summary>
    public static IServiceCollection AddPlatformTables<T>(this IServiceCollection services) where T : class, IPlatformTables, new()
    {
        var tables = new T();
        PlatformTables.Add(tables);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformTables>(tables));
        return services;
    }
}
