using Microsoft.Extensions.Logging;
using Platform.Tenancy;

namespace Platform.Runtime.Polling;

/// <summary>
/// The loop every tenant-polling background job runs: a full pass over the active tenants each interval, the tenants
/// a signal names in between, a few tenants at once. A tenant is polled only while active — its status is re-read
/// from the catalog every few seconds (<see cref="TenantRuntimeCache"/>), so a suspension made on another host stops
/// the work here too, and resuming it lets the work that waited (due timers, queued mail, undelivered events) run.
/// </summary>
public sealed class TenantPollingLoop(TenantCatalog catalog, TenantRuntimeCache runtimes, ILogger<TenantPollingLoop> logger)
{
    public async Task RunAsync(TenantPoll poll, CancellationToken stoppingToken)
    {
        var nextPass = DateTime.MinValue;
        var nextPurge = poll.PurgeInterval is { } first ? DateTime.UtcNow + first : DateTime.MaxValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<string> tenants;
                var pass = new TenantPass(Full: false, Purge: false);
                if (DateTime.UtcNow >= nextPass)
                {
                    tenants = (await catalog.ListAsync(stoppingToken)).Where(t => t.Status == TenantStatus.Active).Select(t => t.Id).ToList();
                    nextPass = DateTime.UtcNow + poll.Interval;
                    // Only on a pass over every tenant, so none misses its clean-up.
                    pass = new TenantPass(Full: true, Purge: DateTime.UtcNow >= nextPurge);
                    if (pass.Purge) nextPurge = DateTime.UtcNow + poll.PurgeInterval!.Value;
                }
                else
                {
                    tenants = await WaitAsync(poll, Max(nextPass - DateTime.UtcNow, TimeSpan.Zero), stoppingToken);
                }
                if (tenants.Count == 0) continue;
                await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = poll.ParallelTenants, CancellationToken = stoppingToken },
                    async (tenant, ct) => await PollTenantAsync(poll, tenant, pass, ct));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "{Job} failed; retrying at the next pass.", poll.Name);
                await Task.Delay(poll.Interval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>Polls one tenant if it exists, is active and has its schema; false when it was skipped.</summary>
    public async Task<bool> PollTenantAsync(TenantPoll poll, string tenant, TenantPass pass, CancellationToken ct)
    {
        try
        {
            // A tenant being created (no schema applied yet) has nothing to poll.
            if (await runtimes.GetAsync(tenant, ct) is not { Status: TenantStatus.Active, SchemaVersion: > 0 } runtime) return false;
            await poll.PollAsync(runtime, pass, ct);
            return true;
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Tenant {Tenant}: {Job} failed; retrying at the next pass.", tenant, poll.Name);
            return true;
        }
    }

    private static async Task<IReadOnlyList<string>> WaitAsync(TenantPoll poll, TimeSpan wait, CancellationToken ct)
    {
        if (poll.WaitForWorkAsync is { } waitForWork) return await waitForWork(wait, ct);
        await Task.Delay(wait, ct);
        return [];
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
