using Platform.Records.Outbox;
using Platform.Runtime.Polling;

namespace Platform.Host.Startup;

/// <summary>
/// Runs the outbox dispatcher: for the tenants whose commits just woke it (after <see cref="OutboxOptions.Gather"/>), and for every tenant each poll interval
/// (events written by other hosts, retries that became due, events left by a host that stopped). Suspended tenants'
/// events wait until they are resumed (<see cref="TenantPollingLoop"/>). Delivered events are purged hourly after the
/// retention period.
/// </summary>
public sealed class OutboxDelivery(OutboxSignal signal, OutboxDispatcher dispatcher, TenantPollingLoop loop) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = dispatcher.Options;
        if (!options.Deliver) return Task.CompletedTask;
        return loop.RunAsync(new TenantPoll
        {
            Name = "outbox delivery",
            Interval = options.PollInterval,
            PurgeInterval = TimeSpan.FromHours(1),
            WaitForWorkAsync = async (wait, ct) =>
            {
                var tenants = await signal.WaitAsync(wait, ct);
                if (tenants.Count > 0 && options.Gather > TimeSpan.Zero && dispatcher.HasConsumers)
                {
                    // Let a stream of commits add to the batch: delivery's own transactions then grow with the load
                    // instead of following every commit (they share the tenant's writer with the requests on SQLite).
                    await Task.Delay(options.Gather, ct);
                    tenants = tenants.Union(await signal.WaitAsync(TimeSpan.Zero, ct)).ToList();
                }
                // Without consumers nobody waits for delivery: marking events at each commit would only compete
                // for the tenant's write lock (SQLite) with its requests, so the polls do it.
                return dispatcher.HasConsumers ? tenants : [];
            },
            PollAsync = async (runtime, pass, ct) =>
            {
                await dispatcher.DispatchAsync(runtime, ct);
                if (pass.Purge) await dispatcher.PurgeAsync(runtime, ct);
            },
        }, stoppingToken);
    }
}
