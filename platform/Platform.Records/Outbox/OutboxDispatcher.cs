using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Runtime;

namespace Platform.Records.Outbox;

/// <summary>
/// Delivers one tenant's committed events to every registered consumer: claims a batch (leased, so hosts sharing a
/// database split the work), hands it to each consumer in turn (the whole batch at once to an
/// <see cref="IOutboxBatchConsumer"/>, else event by event), skipping the events a consumer already had, then records the batch's outcome
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
            // A short batch took every event due: the next commit wakes the dispatcher again, so no empty claim (a write).
            if (batch.Count < options.BatchSize) return total;
        }
    }

    private async Task DeliverAsync(TenantRuntime runtime, IReadOnlyList<OutboxEvent> batch, CancellationToken ct)
    {
        var already = await OutboxStore.DeliveredAsync(runtime, batch, ct);
        var delivered = new List<(Guid, string)>();
        var errors = new Dictionary<Guid, string>();
        // Per event, how many consumers have had their turn: an event short of all of them (shutdown) is released.
        var reached = batch.ToDictionary(e => e.Id, _ => 0);
        try
        {
            foreach (var consumer in _consumers)
            {
                var pending = batch.Where(e => !already.Contains((e.Id, consumer.Name))).ToList();
                if (consumer is IOutboxBatchConsumer batched && pending.Count > 1)
                {
                    var outcomes = await HandleBatchAsync(batched, runtime, pending, ct);
                    for (var i = 0; i < pending.Count; i++) Record(runtime, consumer, pending[i], outcomes[i], delivered, errors);
                    foreach (var outboxEvent in batch) reached[outboxEvent.Id]++;
                    continue;
                }
                foreach (var outboxEvent in batch)
                {
                    if (!already.Contains((outboxEvent.Id, consumer.Name)))
                    {
                        Exception? failure = null;
                        try
                        {
                            await consumer.HandleAsync(Delivery(runtime, outboxEvent, consumer), ct);
                        }
                        catch (Exception exception) when (!ct.IsCancellationRequested)
                        {
                            failure = exception;
                        }
                        Record(runtime, consumer, outboxEvent, failure, delivered, errors);
                    }
                    reached[outboxEvent.Id]++;
                }
            }
        }
        finally
        {
            // Also on shutdown (not cancelled): what was handed out is recorded, so it is not handed out again, and the
            // events not reached by every consumer are released at once rather than when the lease runs out.
            var complete = batch.Where(e => reached[e.Id] == _consumers.Count).ToList();
            var dispatched = complete.Where(e => !errors.ContainsKey(e.Id)).Select(e => e.Id).ToList();
            var failed = complete.Where(e => errors.ContainsKey(e.Id))
                .Select(e => (e.Id, errors[e.Id], DateTime.UtcNow + options.BackoffAfter(e.Attempts + 1))).ToList();
            var released = batch.Where(e => reached[e.Id] < _consumers.Count).Select(e => e.Id).ToList();
            await OutboxStore.RecordAsync(runtime, delivered, dispatched, failed, released, options.MaxAttempts, CancellationToken.None);
        }
    }

    private static async Task<IReadOnlyList<Exception?>> HandleBatchAsync(
        IOutboxBatchConsumer consumer, TenantRuntime runtime, IReadOnlyList<OutboxEvent> events, CancellationToken ct)
    {
        try
        {
            var outcomes = await consumer.HandleBatchAsync(events.Select(e => Delivery(runtime, e, consumer)).ToList(), ct);
            if (outcomes.Count != events.Count)
                throw new InvalidOperationException($"The consumer {consumer.Name} answered {outcomes.Count} outcomes for {events.Count} deliveries.");
            return outcomes;
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            return events.Select(_ => (Exception?)exception).ToList();
        }
    }

    private static OutboxDelivery Delivery(TenantRuntime runtime, OutboxEvent outboxEvent, IOutboxConsumer consumer) =>
        new(runtime, outboxEvent, OutboxDelivery.KeyOf(outboxEvent.Id, consumer.Name), outboxEvent.Attempts + 1);

    private void Record(
        TenantRuntime runtime, IOutboxConsumer consumer, OutboxEvent outboxEvent, Exception? failure, List<(Guid, string)> delivered, Dictionary<Guid, string> errors)
    {
        if (failure is null)
        {
            delivered.Add((outboxEvent.Id, consumer.Name));
            return;
        }
        // The last allowed attempt leaves the event failed (terminal): an error an operator must act on.
        _logger.Log(outboxEvent.Attempts + 1 >= options.MaxAttempts ? LogLevel.Error : LogLevel.Warning, failure,
            "Tenant {Tenant}: outbox event {Event} ({Entity} {Record} {Kind}) failed in consumer {Consumer} (attempt {Attempt} of {MaxAttempts}).",
            runtime.Id, outboxEvent.Id, outboxEvent.Entity, outboxEvent.RecordId, outboxEvent.Kind, consumer.Name, outboxEvent.Attempts + 1, options.MaxAttempts);
        errors.TryAdd(outboxEvent.Id, $"{consumer.Name}: {failure.Message}");
    }

    /// <summary>Deletes the tenant's events delivered longer ago than the retention period.</summary>
    public Task<int> PurgeAsync(TenantRuntime runtime, CancellationToken ct) => OutboxStore.PurgeAsync(runtime, DateTime.UtcNow - options.Retention, ct);
}
