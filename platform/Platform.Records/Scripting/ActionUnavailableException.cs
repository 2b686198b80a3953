namespace Platform.Records.Scripting;

/// <summary>
/// A custom action is not available: its availableWhen does not hold for the record, or decides on a field the caller
/// does not read in full (then whatever the record holds). Refused before its script runs (409).
/// </summary>
public sealed class ActionUnavailableException : RecordException
{
    /// <summary>The condition does not hold for the record.</summary>
    public ActionUnavailableException(string entity, string action, string label, Guid id)
        : base($"'{label}' is not available for this record ({entity} {id}): its availableWhen condition does not hold.") =>
        (Entity, Action, Label) = (entity, action, label);

    /// <summary>The condition names fields the caller reads masked or not at all: it is not decided for them.</summary>
    public ActionUnavailableException(string entity, string action, string label, IReadOnlyList<string> unreadFields)
        : base($"'{label}' is not available to you: its availableWhen decides on {string.Join(", ", unreadFields)} of {entity}, " +
               "which you do not read in full.") =>
        (Entity, Action, Label) = (entity, action, label);

    public string Entity { get; }
    public string Action { get; }
    public string Label { get; }
}
