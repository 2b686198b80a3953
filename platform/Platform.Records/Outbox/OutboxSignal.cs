using System.Collections.Concurrent;

namespace Platform.Records.Outbox;

/// <summary>Wakes the dispatcher after a commit that wrote events, naming the tenants that have new ones.</summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, byte> _tenants = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify(string tenant)
    {
        _tenants[tenant] = 0;
        // At most one pending wake-up: the dispatcher takes every tenant named so far when it wakes.
        try
        {
            if (_wake.CurrentCount == 0) _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another commit woke it at the same moment.
        }
    }

    /// <summary>Waits for a notification or the timeout; then hands out (and forgets) the tenants notified so far.</summary>
    public async Task<IReadOnlyList<string>> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        await _wake.WaitAsync(timeout, ct);
        var tenants = new List<string>();
        foreach (var tenant in _tenants.Keys)
            if (_tenants.TryRemove(tenant, out _)) tenants.Add(tenant);
        return tenants;
    }
}
