using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

/// <summary>A reference (N:1) to a record of the <c>target</c> entity: a foreign key.</summary>
public sealed class LookupFieldType : FieldTypeDescriptor
{
    public const string TypeName = "lookup";

    public override string Name => TypeName;
    public override ValueKind Storage => ValueKind.Guid;
    public override LocalizedText Label { get; } = new("Lookup");
    public override IReadOnlyList<FieldProperty> Properties { get; } = [FieldProperty.Target.AsRequired(), FieldProperty.OnDelete];

    public override bool IsReference => true;

    /// <summary>A foreign key compares stored values.</summary>
    public override bool CanBeEncrypted => false;

    public override IEnumerable<FieldDefinitionProblem> CheckDefinition(FieldDefinition field) =>
        string.IsNullOrEmpty(field.Target)
            ? [new FieldDefinitionProblem("target", "a lookup field must name the entity it points to in 'target'")]
            : [];

    public override string? CheckDefault(FieldDefinition field, JsonNode value) => DefaultValues.NotAllowed(this);

    public override void DescribeValue(FieldDefinition field, JsonObject schema) => schema["format"] = "uuid";

    public override string? Mask(string text) => null;

    /// <summary>A required lookup cannot be erased (no placeholder record exists) and is kept.</summary>
    public override bool TryErase(FieldDefinition field, Guid recordId, out object? value)
    {
        value = null;
        return !field.Required;
    }

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => null;

    public override JsonNode? Example(FieldDefinition field) => null;
}
