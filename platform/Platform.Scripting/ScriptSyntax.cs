namespace Platform.Scripting;

/// <summary>Syntax checks for validate/plan/apply, so a broken script is refused before the first save.</summary>
public static class ScriptSyntax
{
    public static ScriptError? Check(ScriptSource script) => PreparedScriptCache.Prepare(script).Error;
}
