using Platform.Metadata.Definitions;

namespace Platform.Records.Security;

/// <summary>
/// How a masked field reads, by type: a phone keeps its first 3 and last 4 characters (13812341234 → 138****1234;
/// shorter numbers keep only the last 2); an e-mail keeps the first letter of the name and the domain
/// (john@example.com → j***@example.com); other text keeps its first character (Beijing → B***). Values that cannot be
/// shown in part (numbers, dates, booleans, choices, lookups) read as null.
/// </summary>
public static class FieldMasking
{
    public const string Stars = "***";

    public static object? Mask(FieldDefinition field, object? value)
    {
        if (value is not string text || text.Length == 0) return null;
        return field.Type switch
        {
            FieldType.Phone => MaskPhone(text),
            FieldType.Email => MaskEmail(text),
            FieldType.Text or FieldType.LongText or FieldType.Url => text[..1] + Stars,
            _ => null,
        };
    }

    private static string MaskPhone(string phone) =>
        phone.Length >= 8
            ? string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4))
            : new string('*', Math.Max(0, phone.Length - 2)) + phone[Math.Max(0, phone.Length - 2)..];

    private static string MaskEmail(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? email[..1] + Stars : email[..1] + Stars + email[at..];
    }
}
