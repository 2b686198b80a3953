using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Scripting.Globals;

namespace Platform.Scripting;

public static class ScriptingServices
{
    /// <summary>The script sandbox (<see cref="IScriptExecutor"/>) and the platform's globals (crm, log, now, …).</summary>
    public static IServiceCollection AddPlatformScripting(this IServiceCollection services)
    {
        foreach (var global in ScriptGlobals.BuiltIn)
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IScriptGlobal), global));
        services.TryAddSingleton<IScriptExecutor, JintScriptExecutor>();
        return services;
    }

    /// <summary>A global every script sees, installed once per pooled engine (see <see cref="IScriptGlobal"/>).</summary>
    public static IServiceCollection AddScriptGlobal<T>(this IServiceCollection services) where T : class, IScriptGlobal
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScriptGlobal, T>());
        return services;
    }
}
