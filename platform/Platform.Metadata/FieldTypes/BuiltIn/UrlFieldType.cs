using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed class UrlFieldType : TextualFieldType
{
    public const string TypeName = "url";

    public override string Name => TypeName;
    public override LocalizedText Label { get; } = new("URL");
    protected override int? DefaultMaxLength => 2048;
    protected override string? Format => "uri";

    public override string? CheckValue(FieldDefinition field, object value) =>
        value is string text && (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            ? $"'{text}' is not an http(s) URL"
            : null;

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => Fit(field, "https://erased.invalid");

    public override JsonNode? Example(FieldDefinition field) => "https://example.com/";
}
