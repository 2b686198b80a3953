using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Scripting;

namespace Platform.Metadata.FieldTypes;

/// <summary>
/// Everything the platform knows about one field type: its name, storage kind and column facets, the definition
/// properties it allows and their checks, its value rules and JSON Schema, masking, erasure, equality and filters.
/// One subclass per type, registered with <c>services.AddFieldType&lt;T&gt;()</c>; the abstract members are the
/// decisions a new type cannot inherit by accident (a forgotten one is a compile error, not a silent null).
/// Descriptors are stateless singletons: every member is a pure function of its arguments.
/// </summary>
public abstract class FieldTypeDescriptor
{
    /// <summary>The name documents use in a field's <c>type</c>, e.g. "multichoice".</summary>
    public abstract string Name { get; }

    /// <summary>How values of this type are held and stored.</summary>
    public abstract ValueKind Storage { get; }

    /// <summary>A name users see for the type, e.g. in a designer's type picker.</summary>
    public abstract LocalizedText Label { get; }

    /// <summary>The type-specific definition properties allowed (and which of them are required).</summary>
    public virtual IReadOnlyList<FieldProperty> Properties => [];

    /// <summary>The platform computes the value on save (autonumbers): callers never write it and its column stays nullable.</summary>
    public virtual bool Computed => false;

    /// <summary>
    /// The value is the id of a record of the field's <c>target</c> entity (lookups): a foreign key, indexed, expanded
    /// by <c>$expand</c>, cascaded on delete and followed by privacy requests.
    /// </summary>
    public virtual bool IsReference => false;

    /// <summary>False when the value must stay comparable in the database (foreign keys, unique counters).</summary>
    public virtual bool CanBeEncrypted => true;

    /// <summary>The JSON Schema type of a value (without null).</summary>
    public string JsonType => Storage.JsonType;

    /// <summary>The OData filter operators a value of this type supports (encrypted fields support none).</summary>
    public virtual IReadOnlyList<string> FilterOperators => FieldTypes.FilterOperators.Of(Storage);

    /// <summary>Type-specific rules on a definition, beyond "only allowed properties" (which the validator checks).</summary>
    public virtual IEnumerable<FieldDefinitionProblem> CheckDefinition(FieldDefinition field) => [];

    /// <summary>Why a definition's constant <c>default</c> cannot be a value of the field, or null when it can.</summary>
    public virtual string? CheckDefault(FieldDefinition field, JsonNode value) => DefaultValues.Check(this, value);

    /// <summary>The longest text value (the column's length), or null for no limit or no text.</summary>
    public virtual int? MaxLength(FieldDefinition field) => null;

    /// <summary>Precision and scale of a decimal value; null for other storage kinds.</summary>
    public virtual (int Precision, int Scale)? DecimalFacets(FieldDefinition field) =>
        Storage == ValueKind.Decimal ? (field.Precision ?? 18, field.Scale ?? 4) : null;

    /// <summary>
    /// The type's own rule on a non-null value of its storage kind (the generic rules — required, length, range,
    /// options, decimal places — have run); the message of the broken rule, or null.
    /// </summary>
    public virtual string? CheckValue(FieldDefinition field, object value) => null;

    /// <summary>Adds the type's keywords (format, maxLength, minimum, enum...) to a value's JSON Schema.</summary>
    public virtual void DescribeValue(FieldDefinition field, JsonObject schema)
    {
        if (field.Min is { } min) schema["minimum"] = min;
        if (field.Max is { } max) schema["maximum"] = max;
    }

    /// <summary>
    /// A valid value of <paramref name="field"/> as JSON, for clients (a placeholder in a form) and the round-trip tests;
    /// null when there is none to give (a lookup needs a record, an autonumber is never written).
    /// </summary>
    public abstract JsonNode? Example(FieldDefinition field);

    /// <summary>How a non-empty text value reads to a role that sees it masked; null hides it entirely.</summary>
    public abstract string? Mask(string text);

    /// <summary>
    /// The value an erased personal field gets: optional, non-unique fields become empty; others a placeholder that
    /// still satisfies the field. False when the field must keep its value.
    /// </summary>
    public virtual bool TryErase(FieldDefinition field, Guid recordId, out object? value)
    {
        value = !field.Required && !field.Unique ? EmptyValue : Placeholder(field, recordId);
        return true;
    }

    /// <summary>Two values of this type are the same (change detection, audit).</summary>
    public virtual bool SameValue(object? a, object? b) => ValueEquality.Same(a, b);

    /// <summary>An erased optional field's value.</summary>
    protected virtual object? EmptyValue => null;

    /// <summary>An erased required or unique field's value: it must pass the field's rules.</summary>
    protected abstract object? Placeholder(FieldDefinition field, Guid recordId);

    /// <summary>Text cut to the field's length.</summary>
    protected string Fit(FieldDefinition field, string text) =>
        MaxLength(field) is { } max && text.Length > max ? text[..max] : text;

    public override string ToString() => Name;
}
