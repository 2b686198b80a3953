namespace Platform.Scripting;

/// <summary>One run of one script: usage beside limits, the outcome and the script's log lines.</summary>
public sealed record ScriptRunReport(
    string Script, string Hash, DateTimeOffset StartedAt, ScriptLimits Limits, ScriptUsage Usage, ScriptError? Error,
    IReadOnlyList<ScriptLogEntry> Logs)
{
    public bool Succeeded => Error is null;
}
