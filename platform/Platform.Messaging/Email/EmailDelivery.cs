using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Runtime;
using Platform.Tenancy;

namespace Platform.Messaging.Email;

/// <summary>
/// Runs the email dispatcher: for the tenants whose enqueues just woke it, and for every active tenant each poll
/// interval (mail queued in a caller's transaction, retries that became due, leases left by a stopped host).
/// Suspended tenants' mail waits until they are resumed.
/// Sent messages are purged hourly after the retention period.
/// </summary>
public sealed class EmailDelivery(
    EmailSignal signal, EmailDispatcher dispatcher, TenantCatalog catalog, TenantRuntimeCache runtimes, ILogger<EmailDelivery> logger) : BackgroundService
{
    /// <summary>At most this many tenants send at once, so one slow mail server does not hold up every tenant.</summary>
    private const int ParallelTenants = 4;

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = dispatcher.Settings;
        if (!settings.Deliver) return;
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
                    nextPoll = DateTime.UtcNow + settings.PollInterval;
                    // Only on a pass over every tenant, so none misses its purge.
                    purge = DateTime.UtcNow >= nextPurge;
                    if (purge) nextPurge = DateTime.UtcNow + PurgeInterval;
                }
                else
                {
                    var wait = nextPoll - DateTime.UtcNow;
                    tenants = await signal.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stoppingToken);
                }
                await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = ParallelTenants, CancellationToken = stoppingToken },
                    async (tenant, ct) => await DispatchTenantAsync(tenant, purge, ct));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Email delivery failed; retrying at the next poll.");
                await Task.Delay(settings.PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    private async Task DispatchTenantAsync(string tenant, bool purge, CancellationToken ct)
    {
        try
        {
            if (await runtimes.GetAsync(tenant, ct) is not { Status: TenantStatus.Active } runtime) return;
            await dispatcher.DispatchAsync(runtime, ct);
            if (purge) await dispatcher.PurgeAsync(runtime, ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Tenant {Tenant}: email could not be delivered; retrying at the next poll.", tenant);
        }
    }
}
