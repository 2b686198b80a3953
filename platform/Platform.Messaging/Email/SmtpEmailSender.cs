using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Platform.Messaging.Email;

/// <summary>Sends through the SMTP server of <c>email:smtp:*</c> with MailKit: one connection per message.</summary>
public sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task SendAsync(string tenant, Guid id, MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        var tls = settings.Tls switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.Host, settings.Port, tls, ct);
        if (settings.User is not null) await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
