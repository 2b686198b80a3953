namespace Platform.Records.Outbox;

/// <summary>How the outbox is delivered (host settings <c>outbox:*</c>).</summary>
public sealed record OutboxOptions
{
    /// <summary>False keeps events in the outbox undelivered (a node that only serves requests; the crash test's first process).</summary>
    public bool Deliver { get; init; } = true;

    /// <summary>How often every tenant is checked for events, besides the wake-up after each commit (other hosts' writes, retries).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a wake-up after a commit waits for more commits before delivering: under a stream of writes, delivery
    /// then takes their events in batches (a few transactions each) rather than one at a time; zero delivers at once.
    /// </summary>
    public TimeSpan Gather { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The first retry's delay, doubled per failed attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a claimed batch stays another host's: a host that dies mid-batch delays its events this long.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; init; } = 200;

    /// <summary>Attempts after which an event a consumer keeps failing is marked failed: no more retries until an administrator re-queues it.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>How long delivered events are kept before they are purged.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Backoff.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
}
