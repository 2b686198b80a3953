using System.Globalization;
using Platform.Records.Outbox;

namespace Platform.Host.Startup;

/// <summary>
/// Reads <c>outbox:deliver</c> (false: this host writes events but leaves their delivery to others), <c>outbox:poll-seconds</c>,
/// <c>outbox:gather-ms</c> (how long a commit's wake-up waits for more commits), <c>outbox:backoff-ms</c> (first retry
/// delay), <c>outbox:max-attempts</c> (after which an event is failed) and <c>outbox:retention-hours</c> (delivered events kept).
/// </summary>
public static class OutboxSettings
{
    public static OutboxOptions From(IConfiguration configuration)
    {
        var defaults = new OutboxOptions();
        return defaults with
        {
            Deliver = !string.Equals(configuration["outbox:deliver"], "false", StringComparison.OrdinalIgnoreCase),
            PollInterval = Read(configuration, "outbox:poll-seconds", TimeSpan.FromSeconds, defaults.PollInterval),
            Gather = Read(configuration, "outbox:gather-ms", TimeSpan.FromMilliseconds, defaults.Gather),
            Backoff = Read(configuration, "outbox:backoff-ms", TimeSpan.FromMilliseconds, defaults.Backoff),
            Retention = Read(configuration, "outbox:retention-hours", TimeSpan.FromHours, defaults.Retention),
            MaxAttempts = configuration["outbox:max-attempts"] is { } max && int.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempts) && attempts > 0
                ? attempts
                : defaults.MaxAttempts,
        };
    }

    private static TimeSpan Read(IConfiguration configuration, string key, Func<double, TimeSpan> unit, TimeSpan fallback) =>
        configuration[key] is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? unit(value)
            : fallback;
}
