using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Runtime;

namespace Platform.Records.Outbox;

/// <summary>
/// Delivers one tenant's committed events to every registered consumer: claims a batch (leased, so hosts sharing a
/// database split the work), hands each event to each consumer that has not had it, then records the batch's outcome
/// in one transaction. A consumer's failure is retried with backoff without re-delivering to the consumers that
/// succeeded; the error is logged and kept on the event (<c>attempts</c>, <c>last_error</c>).
/// </summary>
public sealed class OutboxDispatcher(IEnumerable<IOutboxConsumer> consumers, OutboxOptions options, ILogger<OutboxDispatcher>? logger = null)
{
    private readonly IReadOnlyList<IOutboxConsumer> _consumers = consumers.ToList();
    private readonly ILogger _logger = logger ?? NullLogger<OutboxDispatcher>.Instance;

    public OutboxOptions Options => options;

    /// <summary>False when no consumer is registered: events then only need marking, which the polls do.</summary>
    public bool HasConsumers => _consumers.Count > 0;

    /// <summary>
    /// Delivers every event of the tenant that is due now; returns how many events were handed out. Events that fail
    /// wait for their backoff, so one pass tries each event at most once.
    /// </summary>
    public async Task<int> DispatchAsync(TenantRuntime runtime, CancellationToken ct)
    {
        if (!await OutboxStore.HasPendingAsync(runtime, ct)) return 0;
        var due = DateTime.UtcNow;
        // Nobody to hand events to: one statement marks them all, instead of a claim and a record per batch.
        if (_consumers.Count == 0) return await OutboxStore.MarkDispatchedAsync(runtime, due, ct);
        var total = 0;
        while (true)
        {
            var batch = await OutboxStore.ClaimAsync(runtime, options.BatchSize, due, DateTime.UtcNow + options.Lease, ct);
            if (batch.Count == 0) return total;
            total += batch.Count;
            await DeliverAsync(runtime, batch, ct);
        }
    }

    private async Task DeliverAsync(TenantRuntime runtime, IReadOnlyList<OutboxEvent> batch, CancellationToken ct)
    {
        var already = await OutboxStore.DeliveredAsync(runtime, batch, ct);
        var delivered = new List<(Guid, string)>();
        var dispatched = new List<Guid>();
        var failed = new List<(Guid, string, DateTime)>();
        var handled = 0;
        try
        {
            foreach (var outboxEvent in batch)
            {
                string? error = null;
                foreach (var consumer in _consumers)
                {
                    if (already.Contains((outboxEvent.Id, consumer.Name))) continue;
                    try
                    {
                        await consumer.HandleAsync(new OutboxDelivery(runtime, outboxEvent, OutboxDelivery.KeyOf(outboxEvent.Id, consumer.Name), outboxEvent.Attempts + 1), ct);
                        delivered.Add((outboxEvent.Id, consumer.Name));
                    }
                    catch (Exception exception) when (!ct.IsCancellationRequested)
                    {
                        // The last allowed attempt leaves the event failed (terminal): an error an operator must act on.
                        _logger.Log(outboxEvent.Attempts + 1 >= options.MaxAttempts ? LogLevel.Error : LogLevel.Warning, exception,
                            "Tenant {Tenant}: outbox event {Event} ({Entity} {Record} {Kind}) failed in consumer {Consumer} (attempt {Attempt} of {MaxAttempts}).",
                            runtime.Id, outboxEvent.Id, outboxEvent.Entity, outboxEvent.RecordId, outboxEvent.Kind, consumer.Name, outboxEvent.Attempts + 1, options.MaxAttempts);
                        error ??= $"{consumer.Name}: {exception.Message}";
                    }
                }
                if (error is null) dispatched.Add(outboxEvent.Id);
                else failed.Add((outboxEvent.Id, error, DateTime.UtcNow + options.BackoffAfter(outboxEvent.Attempts + 1)));
                handled++;
            }
        }
        finally
        {
            // Also on shutdown (not cancelled): what was handed out is recorded, so it is not handed out again, and the
            // events not reached are released at once rather than when the lease runs out.
            var released = batch.Skip(handled).Select(e => e.Id).ToList();
            await OutboxStore.RecordAsync(runtime, delivered, dispatched, failed, released, options.MaxAttempts, CancellationToken.None);
        }
    }

    /// <summary>Deletes the tenant's events delivered longer ago than the retention period.</summary>
    public Task<int> PurgeAsync(TenantRuntime runtime, CancellationToken ct) => OutboxStore.PurgeAsync(runtime, DateTime.UtcNow - options.Retention, ct);
}
