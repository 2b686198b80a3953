using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

public sealed partial class PhoneFieldType : TextualFieldType
{
    public const string TypeName = "phone";

    public override string Name => TypeName;
    public override LocalizedText Label { get; } = new("Phone");
    protected override int? DefaultMaxLength => 50;

    [GeneratedRegex(@"^\+?[0-9 ()\-./]{3,}(\s*(x|ext\.?)\s*[0-9]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();

    public override string? CheckValue(FieldDefinition field, object value) =>
        value is string text && !PhonePattern().IsMatch(text) ? $"'{text}' is not a phone number" : null;

    /// <summary>Keeps the first 3 and last 4 characters (13812341234 → 138****1234); shorter numbers only the last 2.</summary>
    public override string? Mask(string text) =>
        text.Length >= 8
            ? string.Concat(text.AsSpan(0, 3), new string('*', text.Length - 7), text.AsSpan(text.Length - 4))
            : new string('*', Math.Max(0, text.Length - 2)) + text[Math.Max(0, text.Length - 2)..];

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => Fit(field, "000");

    public override JsonNode? Example(FieldDefinition field) => "+44 20 7946 0000";
}
