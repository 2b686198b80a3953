using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

/// <summary>An exact decimal (decimal, currency) with a precision and scale of its own or the type's default.</summary>
public abstract class DecimalNumberFieldType : FieldTypeDescriptor
{
    public const int MaxPrecision = 18;

    public override ValueKind Storage => ValueKind.Decimal;

    public override IReadOnlyList<FieldProperty> Properties { get; } =
        [FieldProperty.Precision, FieldProperty.Scale, FieldProperty.Min, FieldProperty.Max];

    protected abstract int DefaultScale { get; }

    public override (int Precision, int Scale)? DecimalFacets(FieldDefinition field) =>
        (field.Precision ?? MaxPrecision, field.Scale ?? DefaultScale);

    /// <summary>A number cannot be shown in part.</summary>
    public override string? Mask(string text) => null;

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => Math.Max(0m, field.Min ?? 0m);
}
