using Platform.Scripting.Runs;
using Platform.Records.Transactions;
using Platform.Storage.Providers;
using Platform.Runtime;
using Platform.Scripting;

namespace Platform.Records.Scripting;

/// <summary>
/// Runs one script of a tenant — hook, formula, default, action, and later a workflow's "run script" — with the
/// tenant's libraries, records its run report, and turns a fault into a <see cref="RecordScriptException"/>.
/// </summary>
public sealed class TenantScriptRunner(IScriptExecutor executor, IScriptRunLog? runLog = null)
{
    /// <param name="context">What the script sees; limits should come from <see cref="TenantScripts"/>.</param>
    public async Task<ScriptResult> RunAsync(TenantRuntime runtime, ScriptSource script, ScriptContext context, CancellationToken ct)
    {
        var scripts = TenantScripts.Of(runtime);
        if (scripts.Libraries.Count > 0) context = context with { Libraries = scripts.Libraries };
        // A single-writer database (SQLite): a run holding the write lock must not queue behind runs that wait for it.
        if (runtime.Store.Database.Dialect.SingleWriter && RecordScope.HoldsWriteSession(runtime))
            context = context with { HoldsTenantWriteLock = true };
        var result = await executor.ExecuteAsync(script, context, ct);
        runLog?.Add(runtime, result.Report);
        return result.Error is { } error ? throw new RecordScriptException(error) : result;
    }

    /// <summary>A hold for the runs of one write, so they take one engine from the pool (see <see cref="ScriptEngineHold"/>).</summary>
    public ScriptEngineHold HoldEngines() => executor.HoldEngines();

    /// <summary>The script's <c>user</c>: id, name and roles of the actor.</summary>
    public static ScriptUser User(RecordActor actor) => new(actor.UserId?.ToString() ?? "", actor.Name, actor.Roles);
}
