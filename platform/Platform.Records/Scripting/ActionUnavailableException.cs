namespace Platform.Records.Scripting;

/// <summary>A custom action's availableWhen does not hold for the record: refused before its script runs (409).</summary>
public sealed class ActionUnavailableException(string entity, string action, string label, Guid id)
    : RecordException($"'{label}' is not available for this record ({entity} {id}): its availableWhen condition does not hold.")
{
    public string Entity { get; } = entity;
    public string Action { get; } = action;
    public string Label { get; } = label;
}
