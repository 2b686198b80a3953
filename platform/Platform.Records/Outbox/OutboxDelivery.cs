using Platform.Runtime;

namespace Platform.Records.Outbox;

/// <summary>One event handed to one consumer, with the tenant it belongs to.</summary>
/// <param name="IdempotencyKey">
/// Stable per (event, consumer): the same on every retry, so a consumer that may see an event again (its host stopped
/// after it handled the event but before the delivery was recorded) can recognise it.
/// </param>
/// <param name="Attempt">1 on the first delivery, counting up on retries.</param>
public sealed record OutboxDelivery(TenantRuntime Runtime, OutboxEvent Event, string IdempotencyKey, int Attempt)
{
    public static string KeyOf(Guid eventId, string consumer) => $"{eventId:N}:{consumer}";
}
