using Platform.Records.Outbox;
using Platform.Runtime;
using Platform.Tenancy;

namespace Platform.Host.Startup;

/// <summary>
/// Runs the outbox dispatcher: for the tenants whose commits just woke it, and for every tenant each poll interval
/// (events written by other hosts, retries that became due, events left by a host that stopped). Suspended tenants'
/// events wait until they are resumed. Delivered events are purged hourly after the retention period.
/// </summary>
public sealed class OutboxDelivery(
    OutboxSignal signal, OutboxDispatcher dispatcher, TenantCatalog catalog, TenantRuntimeCache runtimes, ILogger<OutboxDelivery> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    /// <summary>At most this many tenants are dispatched at once, so one slow consumer does not hold up every tenant.</summary>
    private const int ParallelTenants = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = dispatcher.Options;
        if (!options.Deliver) return;
        var nextPoll = DateTime.MinValue;
        var nextPurge = DateTime.UtcNow + PurgeInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<string> tenants;
                var purge = false;
                if (DateTime.UtcNow >= nextPoll)
                {
                    tenants = (await catalog.ListAsync(stoppingToken)).Where(t => t.Status == TenantStatus.Active).Select(t => t.Id).ToList();
                    nextPoll = DateTime.UtcNow + options.PollInterval;
                    // Only on a pass over every tenant, so none misses its purge.
                    purge = DateTime.UtcNow >= nextPurge;
                    if (purge) nextPurge = DateTime.UtcNow + PurgeInterval;
                }
                else
                {
                    var wait = nextPoll - DateTime.UtcNow;
                    tenants = await signal.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stoppingToken);
                    // Without consumers nobody waits for delivery: marking events at each commit would only compete
                    // for the tenant's write lock (SQLite) with its requests, so the polls do it.
                    if (!dispatcher.HasConsumers) continue;
                }
                await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = ParallelTenants, CancellationToken = stoppingToken },
                    async (tenant, ct) => await DispatchTenantAsync(tenant, purge, ct));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Outbox delivery failed; retrying at the next poll.");
                await Task.Delay(options.PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    private async Task DispatchTenantAsync(string tenant, bool purge, CancellationToken ct)
    {
        try
        {
            // The runtime's status is re-read from the catalog every few seconds, so a suspension reaches every host.
            if (await runtimes.GetAsync(tenant, ct) is not { Status: TenantStatus.Active } runtime) return;
            await dispatcher.DispatchAsync(runtime, ct);
            if (purge) await dispatcher.PurgeAsync(runtime, ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Tenant {Tenant}: outbox events could not be delivered; retrying at the next poll.", tenant);
        }
    }
}
