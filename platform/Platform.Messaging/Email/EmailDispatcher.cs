using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Runtime;

namespace Platform.Messaging.Email;

/// <summary>
/// Sends one tenant's due email: claims a batch (leased, so hosts sharing a database split the work), sends each
/// message, and records it sent, or failed with the error and due again after a backoff, or failed for good after
/// the last attempt.
/// </summary>
public sealed class EmailDispatcher(IEmailSender sender, EmailSettings settings, ILogger<EmailDispatcher>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<EmailDispatcher>.Instance;

    public EmailSettings Settings => settings;

    /// <summary>Sends every message of the tenant that is due now; answers how many were tried. Each is tried at most once per call.</summary>
    public async Task<int> DispatchAsync(TenantRuntime runtime, CancellationToken ct)
    {
        // Idle tenants (most, most of the time) cost a read, not a write transaction (SQLite's write lock) per poll.
        if (!await EmailStore.HasPendingAsync(runtime, ct)) return 0;
        var total = 0;
        var tried = new HashSet<Guid>();
        while (true)
        {
            var batch = await EmailStore.ClaimAsync(runtime, settings.BatchSize, DateTime.UtcNow + settings.Lease, ct);
            // A message retried with no backoff would be claimed again at once: give it back and stop.
            var fresh = batch.Where(e => tried.Add(e.Id)).ToList();
            foreach (var again in batch.Where(e => !fresh.Contains(e))) await EmailStore.ReleaseAsync(runtime, again.Id, CancellationToken.None);
            if (fresh.Count == 0) return total;
            for (var i = 0; i < fresh.Count; i++)
            {
                if (ct.IsCancellationRequested)
                {
                    // Stopping: what was not tried goes back to the queue now rather than when the lease runs out.
                    foreach (var untried in fresh.Skip(i)) await EmailStore.ReleaseAsync(runtime, untried.Id, CancellationToken.None);
                    ct.ThrowIfCancellationRequested();
                }
                await SendAsync(runtime, fresh[i], ct);
                total++;
            }
        }
    }

    /// <summary>Deletes the tenant's messages sent longer ago than the retention period.</summary>
    public Task<int> PurgeAsync(TenantRuntime runtime, CancellationToken ct) => EmailStore.PurgeSentAsync(runtime, DateTime.UtcNow - settings.Retention, ct);

    private async Task SendAsync(TenantRuntime runtime, QueuedEmail email, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(runtime.Id, email.Id, EmailMime.Build(email, settings.From), ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            var attempt = email.Attempts + 1;
            var next = attempt >= settings.MaxAttempts ? (DateTime?)null : DateTime.UtcNow + settings.BackoffAfter(attempt);
            _logger.LogWarning(exception, "Tenant {Tenant}: email {Email} could not be sent (attempt {Attempt} of {Max}){Outcome}.",
                runtime.Id, email.Id, attempt, settings.MaxAttempts, next is null ? "; giving up" : "; retrying later");
            await EmailStore.MarkFailedAsync(runtime, email.Id, $"{exception.GetType().Name}: {exception.Message}", next, CancellationToken.None);
            return;
        }
        await EmailStore.MarkSentAsync(runtime, email.Id, CancellationToken.None);
    }
}
