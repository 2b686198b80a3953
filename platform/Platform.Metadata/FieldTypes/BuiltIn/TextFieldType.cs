using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed class TextFieldType : TextualFieldType
{
    public const string TypeName = "text";
    public const string Erased = "erased";

    public override string Name => TypeName;
    public override LocalizedText Label { get; } = new("Text");
    protected override int? DefaultMaxLength => 255;

    /// <summary>"erased", or "erased-&lt;id&gt;" when the field is unique.</summary>
    protected override object? Placeholder(FieldDefinition field, Guid recordId) =>
        Fit(field, field.Unique ? $"{Erased}-{recordId:N}" : Erased);

    public override JsonNode? Example(FieldDefinition field) => "Example text";
}
