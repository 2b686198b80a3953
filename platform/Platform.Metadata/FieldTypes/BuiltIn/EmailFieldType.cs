using System.Text.Json.Nodes;
using System.Net.Mail;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed class EmailFieldType : TextualFieldType
{
    public const string TypeName = "email";

    public override string Name => TypeName;
    public override LocalizedText Label { get; } = new("Email");
    protected override int? DefaultMaxLength => 320;
    protected override string? Format => "email";

    public override string? CheckValue(FieldDefinition field, object value) =>
        value is string text && !IsEmail(text) ? $"'{text}' is not an email address" : null;

    /// <summary>Keeps the first letter of the name and the domain: john@example.com → j***@example.com.</summary>
    public override string? Mask(string text)
    {
        var at = text.LastIndexOf('@');
        return at <= 0 ? text[..1] + Stars : text[..1] + Stars + text[at..];
    }

    /// <summary>A unique email is replaced even when optional: erased+&lt;id&gt;@invalid is unique per record and never deliverable.</summary>
    public override bool TryErase(FieldDefinition field, Guid recordId, out object? value)
    {
        if (!field.Unique) return base.TryErase(field, recordId, out value);
        value = Placeholder(field, recordId);
        return true;
    }

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => Fit(field, $"erased+{recordId:N}@invalid");

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');

    public override JsonNode? Example(FieldDefinition field) => "ada@example.com";
}
