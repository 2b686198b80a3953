using System.Collections.Concurrent;
using Platform.Records.Outbox;

namespace Platform.Api.Tests.Support;

/// <summary>An outbox consumer every test host registers: it keeps each delivery it receives, per tenant.</summary>
public sealed class RecordingOutboxConsumer : IOutboxConsumer
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<OutboxDelivery>> _received = new(StringComparer.Ordinal);

    public string Name => "test-recorder";

    public Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        _received.GetOrAdd(delivery.Runtime.Id, _ => new ConcurrentQueue<OutboxDelivery>()).Enqueue(delivery);
        return Task.CompletedTask;
    }

    public IReadOnlyList<OutboxDelivery> Received(string tenant) => _received.TryGetValue(tenant, out var queue) ? queue.ToList() : [];
}
