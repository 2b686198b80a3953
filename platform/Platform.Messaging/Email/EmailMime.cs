using MimeKit;

namespace Platform.Messaging.Email;

/// <summary>The MIME message of a queued email: HTML and text as alternatives, and a Message-Id made from its id.</summary>
public static class EmailMime
{
    public static MimeMessage Build(QueuedEmail email, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var to in email.To) message.To.Add(MailboxAddress.Parse(to));
        foreach (var cc in email.Cc) message.Cc.Add(MailboxAddress.Parse(cc));
        message.Subject = email.Subject;
        message.Date = email.CreatedAt;
        // The same on every retry: a receiving system can tell a resent message from a new one.
        message.MessageId = $"{email.Id:N}@{Domain(from)}";
        message.Body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody }.ToMessageBody();
        return message;
    }

    private static string Domain(string from)
    {
        var address = MailboxAddress.Parse(from).Address;
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "localhost";
    }
}
