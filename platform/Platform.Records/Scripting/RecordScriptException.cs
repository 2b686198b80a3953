using Platform.Scripting;

namespace Platform.Records.Scripting;

/// <summary>A hook, formula or action script failed or exceeded a limit; nothing the request did is kept.</summary>
public sealed class RecordScriptException(ScriptError error) : RecordException(error.Message)
{
    public ScriptError Error { get; } = error;
}
