using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

/// <summary>A counter the platform assigns on insert, shown through <c>format</c> (e.g. "OPP-{0:00000}").</summary>
public sealed class AutoNumberFieldType : FieldTypeDescriptor, INumberedFieldType
{
    public const string TypeName = "autonumber";
    public const int ColumnLength = 100;

    public override string Name => TypeName;
    public override ValueKind Storage => ValueKind.String;
    public override LocalizedText Label { get; } = new("Autonumber");
    public override IReadOnlyList<FieldProperty> Properties { get; } = [FieldProperty.Format];
    public override bool Computed => true;

    /// <summary>Its unique index compares stored values.</summary>
    public override bool CanBeEncrypted => false;

    public object Number(FieldDefinition field, long number) => string.Format(CultureInfo.InvariantCulture, field.Format ?? "{0}", number);

    public override string? CheckDefault(FieldDefinition field, JsonNode value) => DefaultValues.NotAllowed(this);

    public override int? MaxLength(FieldDefinition field) => ColumnLength;

    public override void DescribeValue(FieldDefinition field, JsonObject schema) => schema["maxLength"] = ColumnLength;

    public override string? Mask(string text) => null;

    /// <summary>A record's number is never erased: it identifies the record, not the person.</summary>
    public override bool TryErase(FieldDefinition field, Guid recordId, out object? value)
    {
        value = null;
        return false;
    }

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => null;

    public override JsonNode? Example(FieldDefinition field) => null;
}
