using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;

namespace Platform.Storage.Physical;

/// <summary>One real column of a tenant table.</summary>
/// <param name="StoreClrType">The CLR type EF Core maps to the column type (may differ from the value kind, see <see cref="DecimalScaleOnDisk"/>).</param>
/// <param name="DecimalScaleOnDisk">Set when a decimal is stored as a scaled integer (SQLite), so it stays exact, comparable and indexable.</param>
public sealed record ColumnModel(
    string Name,
    ValueKind Kind,
    Type StoreClrType,
    bool IsNullable,
    int? MaxLength = null,
    int? Precision = null,
    int? Scale = null,
    int? DecimalScaleOnDisk = null,
    object? DefaultValue = null,
    FieldDefinition? Field = null)
{
    public bool IsSystem => Field is null;

    /// <summary>Stored as ciphertext text (see <c>FieldCipher</c>); <see cref="Kind"/> stays the value's kind.</summary>
    public bool IsEncrypted => Field?.Encrypted == true;
}
