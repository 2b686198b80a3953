using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes;

/// <summary>
/// A type-specific property of a field definition ("maxLength", "options"...): the field types that allow it list it in
/// <see cref="FieldTypeDescriptor.Properties"/>, and every other type refuses it.
/// </summary>
/// <param name="JsonType">Its JSON Schema type, for clients building a field editor.</param>
public sealed record FieldProperty(string Name, string JsonType, Func<FieldDefinition, bool> IsSet, bool IsRequired = false)
{
    public static readonly FieldProperty MaxLength = new("maxLength", "integer", f => f.MaxLength is not null);
    public static readonly FieldProperty Precision = new("precision", "integer", f => f.Precision is not null);
    public static readonly FieldProperty Scale = new("scale", "integer", f => f.Scale is not null);
    public static readonly FieldProperty Min = new("min", "number", f => f.Min is not null);
    public static readonly FieldProperty Max = new("max", "number", f => f.Max is not null);
    public static readonly FieldProperty Options = new("options", "array", f => f.Options is not null);
    public static readonly FieldProperty Target = new("target", "string", f => f.Target is not null);
    public static readonly FieldProperty OnDelete = new("onDelete", "string", f => f.OnDelete is not null);
    public static readonly FieldProperty Format = new("format", "string", f => f.Format is not null);

    /// <summary>Every type-specific property <see cref="FieldDefinition"/> has.</summary>
    public static IReadOnlyList<FieldProperty> All { get; } = [MaxLength, Precision, Scale, Min, Max, Options, Target, OnDelete, Format];

    /// <summary>The same property, required by the type that lists it so.</summary>
    public FieldProperty AsRequired() => this with { IsRequired = true };
}
