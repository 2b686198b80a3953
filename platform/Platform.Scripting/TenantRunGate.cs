using System.Collections.Concurrent;

namespace Platform.Scripting;

/// <summary>
/// Bounds the scripts of one tenant running at once. A running script holds a thread — a core while it computes, a
/// thread-pool thread while it blocks in a <c>crm</c> call — so without a bound one tenant's hooks spinning at their
/// limits take every core and pool thread and starve the other tenants. Runs past the bound wait asynchronously,
/// holding no thread. A run started from inside a run of the same tenant (a hook fired by a crm write) goes ahead: its
/// parent holds the tenant's slot and waits for it, so making it queue could deadlock.
/// </summary>
internal sealed class TenantRunGate(ScriptConcurrencyOptions options)
{
    private static readonly AsyncLocal<string?> Running = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);

    public ScriptConcurrencyOptions Options { get; } = options;

    /// <summary>True when the current flow is inside a run of <paramref name="tenant"/>.</summary>
    public static bool IsInsideRunOf(string tenant) => Running.Value == tenant;

    /// <summary>
    /// Marks the current flow as running a script of the tenant. Synchronous on purpose: an AsyncLocal set in an async
    /// method is undone when it returns, so the executor's own method sets it, and it is gone once that run returns.
    /// </summary>
    public static void MarkRunning(string tenant) => Running.Value = tenant;

    /// <summary>Waits for one of the tenant's slots; null when none freed up within <see cref="ScriptConcurrencyOptions.MaxWait"/>.</summary>
    public async Task<IDisposable?> EnterAsync(string tenant, CancellationToken ct)
    {
        var slots = _slots.GetOrAdd(tenant, _ => new SemaphoreSlim(Options.MaxRunsPerTenant, Options.MaxRunsPerTenant));
        return await slots.WaitAsync(Options.MaxWait, ct) ? new Slot(slots) : null;
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
