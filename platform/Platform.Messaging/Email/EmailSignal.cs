using System.Threading.Channels;

namespace Platform.Messaging.Email;

/// <summary>Wakes the delivery service when mail was queued, so it does not wait for its next poll.</summary>
public sealed class EmailSignal
{
    private readonly Channel<string> _tenants = Channel.CreateBounded<string>(new BoundedChannelOptions(1024)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Wake(string tenant) => _tenants.Writer.TryWrite(tenant);

    /// <summary>The tenants woken within <paramref name="wait"/> (none when it passes quietly).</summary>
    public async Task<IReadOnlyList<string>> WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            await _tenants.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return [];
        }
        var woken = new HashSet<string>(StringComparer.Ordinal);
        while (_tenants.Reader.TryRead(out var tenant)) woken.Add(tenant);
        return woken.ToList();
    }
}
