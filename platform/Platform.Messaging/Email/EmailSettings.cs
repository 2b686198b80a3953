using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Platform.Messaging.Email;

/// <summary>
/// How email leaves the host: through SMTP when <c>email:smtp:host</c> is set, otherwise as <c>.eml</c> files under
/// <c>{data-dir}/mail</c> (no mail server needed). Retries back off exponentially from <c>email:backoff-seconds</c>
/// (capped at an hour) up to <c>email:max-attempts</c>, after which the message is failed with the last error.
/// </summary>
public sealed record EmailSettings
{
    public SmtpSettings? Smtp { get; init; }

    /// <summary>The sender address of every message (<c>email:from</c>, or <c>email:smtp:from</c>).</summary>
    public string From { get; init; } = "no-reply@localhost";

    /// <summary>Where the file sender writes: one folder per tenant.</summary>
    public string MailDirectory { get; init; } = Path.Combine("data", "mail");

    public int MaxAttempts { get; init; } = 5;

    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed message is leased to its sender (an SMTP exchange that hangs longer is retried).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; init; } = 20;

    /// <summary>How long sent messages are kept (<c>email:retention-days</c>); failed ones are kept.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>False: messages are queued but this host delivers none (another host, or a test, does).</summary>
    public bool Deliver { get; init; } = true;

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan BackoffAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(Backoff.Ticks * factor, MaxBackoff.Ticks));
        return wait;
    }

    public static EmailSettings Read(IConfiguration configuration, string dataDirectory)
    {
        var email = configuration.GetSection("email");
        var smtp = SmtpSettings.Read(email.GetSection("smtp"));
        var settings = new EmailSettings
        {
            Smtp = smtp,
            From = email["from"] ?? smtp?.From ?? "no-reply@localhost",
            MailDirectory = email["mail-dir"] ?? Path.Combine(dataDirectory, "mail"),
            Deliver = !string.Equals(email["deliver"], "false", StringComparison.OrdinalIgnoreCase),
        };
        if (Number(email["max-attempts"]) is { } attempts) settings = settings with { MaxAttempts = (int)Math.Max(1, attempts) };
        if (Number(email["backoff-seconds"]) is { } backoff) settings = settings with { Backoff = TimeSpan.FromSeconds(backoff) };
        if (Number(email["retention-days"]) is { } days) settings = settings with { Retention = TimeSpan.FromDays(days) };
        if (Number(email["poll-seconds"]) is { } poll) settings = settings with { PollInterval = TimeSpan.FromSeconds(Math.Max(0.05, poll)) };
        return settings;
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;
}
