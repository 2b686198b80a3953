namespace Platform.Metadata.FieldTypes;

/// <summary>
/// A storage kind: the CLR shape a field's value has inside the platform (records, filters, scripts) and the column it
/// is stored in. Field types map onto one of these (<see cref="FieldTypeDescriptor.Storage"/>); a new kind needs its
/// codec, conversions and EDM type in Storage and Querying, whose switches over this enum are exhaustive (no fallback).
/// </summary>
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
