using System.Globalization;
using MimeKit;

namespace Platform.Messaging.Email;

/// <summary>
/// The sender when no SMTP server is configured: writes each message as <c>{mail-dir}/{tenant}/{timestamp}-{id}.eml</c>,
/// which any mail client opens. Written to a temporary name and renamed, so a reader never sees half a file.
/// </summary>
public sealed class EmlFileEmailSender(string mailDirectory) : IEmailSender
{
    public string MailDirectory => mailDirectory;

    public async Task SendAsync(string tenant, Guid id, MimeMessage message, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(mailDirectory, tenant)).FullName;
        var name = $"{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{id:N}.eml";
        var temporary = Path.Combine(folder, "." + name + ".tmp");
        await using (var file = File.Create(temporary))
        {
            await message.WriteToAsync(file, ct);
        }
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }
}
