using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Platform.Messaging.Email;

/// <summary>
/// <c>email:smtp:host/port/user/password/from/tls</c>. <c>tls</c>: <c>none</c>, <c>starttls</c> (required),
/// <c>ssl</c> (TLS on connect) or <c>auto</c> (the default: TLS on port 465, STARTTLS when offered elsewhere).
/// </summary>
public sealed record SmtpSettings(string Host, int Port, string? User, string? Password, string? From, string Tls)
{
    public static SmtpSettings? Read(IConfiguration section)
    {
        if (string.IsNullOrWhiteSpace(section["host"])) return null;
        var port = int.TryParse(section["port"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 587;
        var tls = (section["tls"] ?? "auto").Trim().ToLowerInvariant();
        if (tls is not ("none" or "starttls" or "ssl" or "auto"))
            throw new InvalidOperationException($"email:smtp:tls must be none, starttls, ssl or auto, not '{tls}'.");
        return new SmtpSettings(section["host"]!.Trim(), port, NullIfEmpty(section["user"]), NullIfEmpty(section["password"]), NullIfEmpty(section["from"]), tls);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Without the password, for logs.</summary>
    public override string ToString() => $"smtp://{(User is null ? "" : User + "@")}{Host}:{Port} (tls {Tls})";
}
