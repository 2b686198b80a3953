using Platform.Metadata.Definitions;

namespace Platform.Records.Security;

/// <summary>
/// How a masked field reads: its type decides (<see cref="Platform.Metadata.FieldTypes.FieldTypeDescriptor.Mask"/>);
/// e.g. a phone keeps its first 3 and last 4 characters, an e-mail the first letter and the domain, other text its
/// first character. Values that cannot be shown in part (numbers, dates, booleans, choices, lookups) read as null.
/// </summary>
public static class FieldMasking
{
    public static object? Mask(FieldDefinition field, object? value) =>
        value is string { Length: > 0 } text ? field.Type.Descriptor.Mask(text) : null;
}
