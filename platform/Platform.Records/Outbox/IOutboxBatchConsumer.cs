namespace Platform.Records.Outbox;

/// <summary>
/// A consumer that takes a claimed batch at once, so the work common to its events (definitions, users, records, one
/// transaction) is done once per batch rather than once per event. Outcomes stay per event: each delivery is recorded,
/// retried with backoff, or kept, exactly as if it had been handed over alone.
/// </summary>
public interface IOutboxBatchConsumer : IOutboxConsumer
{
    /// <summary>
    /// Handles the deliveries (oldest first); returns one entry per delivery, in the same order: null when it was
    /// handled, else why it failed (it is retried alone later). A throw fails every delivery of the batch.
    /// </summary>
    Task<IReadOnlyList<Exception?>> HandleBatchAsync(IReadOnlyList<OutboxDelivery> deliveries, CancellationToken ct);
}
