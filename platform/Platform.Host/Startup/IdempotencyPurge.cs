using System.Data.Common;
using Platform.Records.Writing;
using Platform.Storage.Records;
using Platform.Tenancy;

namespace Platform.Host.Startup;

/// <summary>
/// Deletes Idempotency-Key answers older than 24 hours in every tenant, hourly, so keys of a tenant that stopped
/// sending them do not stay forever (a tenant's new keys purge its expired ones as they are stored, too).
/// </summary>
public sealed class IdempotencyPurge(TenantCatalog catalog, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass over every tenant; a tenant that fails is logged and retried on the next pass.</summary>
    public async Task<int> PurgeAllAsync(CancellationToken ct)
    {
        var purged = 0;
        foreach (var tenant in await catalog.ListAsync(ct))
        {
            try
            {
                await using var session = await RecordSession.OpenAsync(tenant.Database, write: true, ct);
                purged += await IdempotencyStore.PurgeAsync(session, tenant.Database, ct);
                await session.CommitAsync(ct);
            }
            catch (DbException exception)
            {
                logger.LogWarning(exception, "Tenant {Tenant}: expired idempotency keys could not be purged.", tenant.Id);
            }
        }
        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PurgeAllAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Purging expired idempotency keys failed; retrying in an hour.");
            }
        }
    }
}
