using System.Diagnostics;

namespace Platform.Scripting.Tests;

/// <summary>Runs a snippet with the hook limits (or given ones) and measures wall-clock time around the whole call.</summary>
internal static class ScriptRunner
{
    /// <summary>Shared by tests running in parallel as one tenant, so its cap on concurrent runs and its time share are out of their way.</summary>
    public static readonly JintScriptExecutor Executor = new(concurrency: new ScriptConcurrencyOptions { MaxRunsPerTenant = 64, ScriptTimePerSecond = null });

    public static async Task<(ScriptResult Result, TimeSpan Elapsed)> RunAsync(
        string code, ScriptLimits? limits = null, Dictionary<string, object?>? record = null, IScriptCrm? crm = null, string name = "test.js")
    {
        var context = new ScriptContext
        {
            Tenant = "acme", Limits = limits ?? ScriptLimits.Hook, Record = record ?? new Dictionary<string, object?>(), Crm = crm,
            User = new ScriptUser("u1", "Ada", ["admin"]),
        };
        var watch = Stopwatch.StartNew();
        var result = await Executor.ExecuteAsync(new ScriptSource(name, code), context, CancellationToken.None);
        return (result, watch.Elapsed);
    }
}
