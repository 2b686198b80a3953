namespace Platform.Records.Outbox;

/// <summary>
/// Receives record-change events after their write committed (workflow triggers, webhooks). Delivery is at least once:
/// an event a consumer has handled is recorded under its <see cref="Name"/> and not handed to it again, but a host that
/// stops between the two hands it again, with the same <see cref="OutboxDelivery.IdempotencyKey"/>. A throw is retried
/// with backoff; other consumers of the event are not affected. Register implementations in DI.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>Stable across releases: deliveries are recorded under it (renaming it re-delivers pending events).</summary>
    string Name { get; }

    Task HandleAsync(OutboxDelivery delivery, CancellationToken ct);
}
