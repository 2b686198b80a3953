namespace Platform.Scripting;

/// <summary>Syntax checks for validate/plan/apply, so a broken script is refused before the first save.</summary>
public static class ScriptSyntax
{
    public static ScriptError? Check(ScriptSource script) => PreparedScriptCache.Prepare(script).Error;

    /// <summary>Checks a library as require() runs it (its body is a function's, so a top-level return is allowed).</summary>
    public static ScriptError? CheckLibrary(ScriptSource library) => PreparedScriptCache.Prepare(PreparedScriptCache.AsLibrary(library)).Error;
}
