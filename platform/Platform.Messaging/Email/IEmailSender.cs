using MimeKit;

namespace Platform.Messaging.Email;

/// <summary>Hands one message to the outside world. Throws when it could not; the dispatcher retries.</summary>
public interface IEmailSender
{
    Task SendAsync(string tenant, Guid id, MimeMessage message, CancellationToken ct);
}
