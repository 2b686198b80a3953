using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

/// <summary>Text a person types (text, longtext, email, phone, url): a string with a length limit and maybe a format.</summary>
public abstract class TextualFieldType : FieldTypeDescriptor
{
    public const string Stars = "***";

    public override ValueKind Storage => ValueKind.String;

    public override IReadOnlyList<FieldProperty> Properties { get; } = [FieldProperty.MaxLength];

    /// <summary>The limit of a field without its own maxLength, stated in the record's JSON Schema; null for none.</summary>
    protected abstract int? DefaultMaxLength { get; }

    /// <summary>The value's JSON Schema format ("email", "uri"), if any.</summary>
    protected virtual string? Format => null;

    public override int? MaxLength(FieldDefinition field) => field.MaxLength ?? DefaultMaxLength;

    public override void DescribeValue(FieldDefinition field, JsonObject schema)
    {
        if (Format is { } format) schema["format"] = format;
        if (MaxLength(field) is { } max) schema["maxLength"] = max;
    }

    /// <summary>Keeps the first character: Beijing → B***.</summary>
    public override string? Mask(string text) => text[..1] + Stars;
}
