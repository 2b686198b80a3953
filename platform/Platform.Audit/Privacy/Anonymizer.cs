using Platform.Metadata.Definitions;

namespace Platform.Audit.Privacy;

/// <summary>
/// The value an erased personal field gets, as its type decides
/// (<see cref="Platform.Metadata.FieldTypes.FieldTypeDescriptor.TryErase"/>). Optional fields become empty (null, or []
/// for multichoice); required ones get a placeholder that still satisfies the field: text "erased", an email
/// erased+&lt;id&gt;@invalid (unique per record, never deliverable), phone "000", 0, false, 1900-01-01, the default or
/// first option. A unique text becomes "erased-&lt;id&gt;". Required lookups and autonumbers cannot be erased and are kept.
/// </summary>
public static class Anonymizer
{
    /// <summary>False when the field keeps its value (see the class summary).</summary>
    public static bool TryErase(FieldDefinition field, Guid recordId, out object? value) =>
        field.Type.Descriptor.TryErase(field, recordId, out value);
}
