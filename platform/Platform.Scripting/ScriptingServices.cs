using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Scripting;

public static class ScriptingServices
{
    /// <summary>The script sandbox (<see cref="IScriptExecutor"/>) and its host globals.</summary>
    public static IServiceCollection AddPlatformScripting(this IServiceCollection services)
    {
        services.TryAddSingleton<IScriptExecutor, JintScriptExecutor>();
        return services;
    }
}
