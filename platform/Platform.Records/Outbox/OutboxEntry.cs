namespace Platform.Records.Outbox;

/// <summary>An outbox event as an administrator sees it: where its delivery stands and which consumers had it.</summary>
/// <param name="Status">pending (waiting for a consumer, maybe after failures) or failed (gave up; waits for a re-queue).</param>
/// <param name="DeliveredTo">The consumers that were handed the event successfully (a re-queue does not run them again).</param>
public sealed record OutboxEntry(
    OutboxEvent Event, string Status, DateTime NextAttemptAt, string? LastError, IReadOnlyList<string> DeliveredTo)
{
    public const string Pending = "pending";
    public const string Failed = "failed";

    /// <summary>The consumer named by the last error (the dispatcher writes it "consumer: message").</summary>
    public string? FailedConsumer => LastError is { } error && error.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon ? error[..colon] : null;
}
