using MimeKit;

namespace Platform.Messaging.Email;

/// <summary>Refuses a message that could never be sent, at enqueue time, so the caller's step fails rather than the delivery.</summary>
internal static class EmailValidation
{
    private const int MaxRecipients = 100;

    public static void Check(EmailMessage message)
    {
        if (message.To.Count == 0) throw new ArgumentException("An email needs at least one recipient.", nameof(message));
        if (message.To.Count + (message.Cc?.Count ?? 0) > MaxRecipients)
            throw new ArgumentException($"An email may have at most {MaxRecipients} recipients.", nameof(message));
        foreach (var address in message.To.Concat(message.Cc ?? []))
            if (!MailboxAddress.TryParse(address, out _) || address.Contains('\r') || address.Contains('\n'))
                throw new ArgumentException($"'{address}' is not an email address.", nameof(message));
        if (message.Subject.Contains('\r') || message.Subject.Contains('\n'))
            throw new ArgumentException("The subject may not contain line breaks.", nameof(message));
        if (message.Subject.Length > 1000) throw new ArgumentException("The subject is longer than 1000 characters.", nameof(message));
        if (message.HtmlBody is null && message.TextBody is null) throw new ArgumentException("An email needs an HTML or a text body.", nameof(message));
        if (message.IdempotencyKey is { Length: 0 or > 200 }) throw new ArgumentException("The idempotency key must be 1 to 200 characters.", nameof(message));
    }
}
