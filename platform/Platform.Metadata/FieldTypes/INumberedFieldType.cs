using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes;

/// <summary>
/// A capability of a field type whose value the platform generates on insert from a per-field counter (autonumbers):
/// such a field is never written by callers and gets a unique index. Its descriptor should also be
/// <see cref="FieldTypeDescriptor.Computed"/>.
/// </summary>
public interface INumberedFieldType
{
    /// <summary>The value of the record numbered <paramref name="number"/> (counters start at 1 per field).</summary>
    object Number(FieldDefinition field, long number);
}
