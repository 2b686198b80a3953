namespace Platform.Storage.Physical;

/// <summary>The CLR shape a field's value has inside the platform (records, filters, scripts).</summary>
public enum ValueKind
{
    String,
    Integer,
    Decimal,
    Boolean,
    Date,
    DateTime,
    Guid,
    /// <summary>A multichoice value: a list of option values, stored as a JSON array text.</summary>
    StringList,
}
