using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Scripting;

/// <summary>
/// Each tenant's share of script running time on this process: a bucket that fills at
/// <see cref="ScriptConcurrencyOptions.ScriptTimePerSecond"/> up to <see cref="ScriptConcurrencyOptions.ScriptTimeBurst"/>
/// and is drawn down by what each run used. A run may start while the bucket is not in debt; a tenant in debt waits
/// (asynchronously, holding no thread) until it is repaid. The run-slot bound alone would still let a tenant whose hooks
/// spin at their limits keep half the cores busy all the time; with the share it keeps them busy a fraction of it.
/// </summary>
internal sealed class TenantTimeShare(ScriptConcurrencyOptions options)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Charges a finished run's own running time to its tenant.</summary>
    public void Charge(string tenant, TimeSpan used)
    {
        if (options.ScriptTimePerSecond is null || used <= TimeSpan.Zero) return;
        BucketOf(tenant).Draw(used.TotalSeconds);
    }

    /// <summary>Waits until the tenant is not in debt; false when that takes longer than <paramref name="maxWait"/>.</summary>
    public async Task<bool> WaitForTurnAsync(string tenant, TimeSpan maxWait, CancellationToken ct)
    {
        if (options.ScriptTimePerSecond is null) return true;
        var bucket = BucketOf(tenant);
        var waited = Stopwatch.StartNew();
        while (bucket.Debt() is var debt and > 0)
        {
            var wait = TimeSpan.FromSeconds(debt / options.ScriptTimePerSecond.Value.TotalSeconds);
            if (waited.Elapsed + wait > maxWait) return false;
            await Task.Delay(wait, ct);
        }
        return true;
    }

    private Bucket BucketOf(string tenant) =>
        _buckets.GetOrAdd(tenant, _ => new Bucket(options.ScriptTimePerSecond!.Value.TotalSeconds, options.ScriptTimeBurst.TotalSeconds));

    /// <summary>Seconds of running time available (negative: owed), refilled by the clock.</summary>
    private sealed class Bucket(double ratePerSecond, double burst)
    {
        private readonly Lock _lock = new();
        private readonly double _burst = burst;
        private double _available = burst;
        private long _refilledAt = Stopwatch.GetTimestamp();

        public void Draw(double seconds)
        {
            lock (_lock)
            {
                Refill();
                _available -= seconds;
            }
        }

        /// <summary>What is owed now (0 when not in debt).</summary>
        public double Debt()
        {
            lock (_lock)
            {
                Refill();
                return Math.Max(0, -_available);
            }
        }

        private void Refill()
        {
            var now = Stopwatch.GetTimestamp();
            _available = Math.Min(_burst, _available + Stopwatch.GetElapsedTime(_refilledAt, now).TotalSeconds * ratePerSecond);
            _refilledAt = now;
        }
    }
}
