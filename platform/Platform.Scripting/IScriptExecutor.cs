namespace Platform.Scripting;

/// <summary>
/// Runs tenant scripts. Kept behind an interface so execution can later move to a separate worker process:
/// an in-process interpreter is not an OS security boundary.
/// </summary>
public interface IScriptExecutor
{
    /// <summary>Parses (and caches) a script; returns its syntax error with line and column, or null.</summary>
    ScriptError? Check(ScriptSource script);

    /// <summary>Runs a script once, seeing nothing of earlier runs; never throws for script faults, the result carries them.</summary>
    Task<ScriptResult> ExecuteAsync(ScriptSource script, ScriptContext context, CancellationToken ct);

    /// <summary>A hold for runs that should share one engine rental (<see cref="ScriptContext.Engines"/>); dispose it when they are done.</summary>
    ScriptEngineHold HoldEngines() => ScriptEngineHold.None();
}
