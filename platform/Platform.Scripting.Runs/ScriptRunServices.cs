using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Storage.Physical;

namespace Platform.Scripting.Runs;

public static class ScriptRunServices
{
    /// <summary>Run reports: the <c>platform_script_runs</c> table and the queued log that writes it after the requests.</summary>
    public static IServiceCollection AddPlatformScriptRuns(this IServiceCollection services)
    {
        services.AddPlatformTables<ScriptRunTables>();
        services.TryAddSingleton<IScriptRunLog, QueuedScriptRunLog>();
        return services;
    }
}
