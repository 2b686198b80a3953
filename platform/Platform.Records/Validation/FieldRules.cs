using System.Net.Mail;
using System.Text.RegularExpressions;
using Platform.Metadata.Definitions;
using Platform.Storage.Physical;

namespace Platform.Records.Validation;

/// <summary>The rules a field definition puts on a value: required, length, range, options, formats, decimal places.</summary>
public static partial class FieldRules
{
    [GeneratedRegex(@"^\+?[0-9 ()\-./]{3,}(\s*(x|ext\.?)\s*[0-9]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();

    /// <summary>Checks a value; returns the message of the first broken rule, or null.</summary>
    public static string? Check(FieldDefinition field, object? value)
    {
        if (value is null) return field.Required && field.Type != FieldType.AutoNumber ? "is required" : null;
        if (value is string text)
        {
            if (field.Required && text.Length == 0) return "is required";
            if (FieldColumnMapper.MaxLengthOf(field) is { } max && text.Length > max) return $"must be at most {max} characters (it has {text.Length})";
            switch (field.Type)
            {
                case FieldType.Choice when field.Options is { } options && options.All(o => o.Value != text):
                    return $"'{text}' is not one of the options: {string.Join(", ", options.Select(o => o.Value))}";
                case FieldType.Email when !IsEmail(text):
                    return $"'{text}' is not an email address";
                case FieldType.Url when !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"):
                    return $"'{text}' is not an http(s) URL";
                case FieldType.Phone when !PhonePattern().IsMatch(text):
                    return $"'{text}' is not a phone number";
            }
        }
        if (value is string[] list && field.Options is { } choices)
        {
            var unknown = list.Where(v => choices.All(o => o.Value != v)).ToList();
            if (unknown.Count > 0) return $"{string.Join(", ", unknown.Select(u => $"'{u}'"))} not among the options: {string.Join(", ", choices.Select(o => o.Value))}";
            if (list.Distinct().Count() != list.Length) return "lists an option more than once";
            if (field.Required && list.Length == 0) return "is required";
        }
        var number = value switch { long l => (decimal?)l, decimal d => d, _ => null };
        if (number is { } n)
        {
            if (field.Min is { } min && n < min) return $"must be at least {min}";
            if (field.Max is { } maximum && n > maximum) return $"must be at most {maximum}";
            if (value is decimal d && FieldColumnMapper.DecimalFacets(field) is var (precision, scale) && precision > 0)
            {
                if (d.Scale > scale && decimal.Round(d, scale) != d) return $"must have at most {scale} decimal places";
                if (Math.Abs(decimal.Truncate(d)) >= FieldColumnMapper.Pow10(precision - scale)) return $"must be less than {FieldColumnMapper.Pow10(precision - scale)} in size";
            }
        }
        return null;
    }

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');
}
