using Microsoft.Extensions.Hosting;
using Platform.Runtime.Polling;

namespace Platform.Messaging.Email;

/// <summary>
/// Runs the email dispatcher: for the tenants whose enqueues just woke it, and for every active tenant each poll
/// interval (mail queued in a caller's transaction, retries that became due, leases left by a stopped host).
/// Suspended tenants' mail waits until they are resumed (<see cref="TenantPollingLoop"/>).
/// Sent messages are purged hourly after the retention period.
/// </summary>
public sealed class EmailDelivery(EmailSignal signal, EmailDispatcher dispatcher, TenantPollingLoop loop) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = dispatcher.Settings;
        if (!settings.Deliver) return Task.CompletedTask;
        return loop.RunAsync(new TenantPoll
        {
            Name = "email delivery",
            Interval = settings.PollInterval,
            PurgeInterval = TimeSpan.FromHours(1),
            WaitForWorkAsync = signal.WaitAsync,
            PollAsync = async (runtime, pass, ct) =>
            {
                await dispatcher.DispatchAsync(runtime, ct);
                if (pass.Purge) await dispatcher.PurgeAsync(runtime, ct);
            },
        }, stoppingToken);
    }
}
