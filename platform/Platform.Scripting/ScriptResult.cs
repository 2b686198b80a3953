namespace Platform.Scripting;

/// <summary>Outcome of one run: the (possibly changed) record, field errors, the completion value and the report.</summary>
public sealed record ScriptResult(
    Dictionary<string, object?> Record, IReadOnlyList<ScriptFieldError> FieldErrors, object? Value, ScriptRunReport Report)
{
    public ScriptError? Error => Report.Error;
    public bool Succeeded => Report.Error is null;
}
