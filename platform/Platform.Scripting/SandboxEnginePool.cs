using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Scripting;

/// <summary>
/// Idle <see cref="SandboxEngine"/>s per tenant and set of limits. Engines are never shared between tenants: the frozen
/// intrinsics and the global snapshot leave nothing of a run behind that a script can read, but Jint does not promise
/// that for mutually distrusting code (its snapshot restore is "not an isolation boundary"), and tenants are exactly that.
/// A run rents an engine (a nested run — a hook's crm call firing another hook — rents another one) and returns it when
/// it ended cleanly. Idle engines are bounded per key and in total, and dropped after a while (<see cref="ScriptEnginePoolOptions"/>).
/// </summary>
internal sealed class SandboxEnginePool(PreparedScriptCache cache, ScriptEnginePoolOptions options, IReadOnlyList<IScriptGlobal> globals)
{
    private readonly ConcurrentDictionary<(string Tenant, ScriptLimits Limits), ConcurrentStack<SandboxEngine>> _idle = new();
    private int _idleCount;
    private long _created;
    private long _nextTrim = Stopwatch.GetTimestamp();

    /// <summary>Engines set up since the pool was made (a figure for benchmarks and tests).</summary>
    public long Created => Interlocked.Read(ref _created);

    public int IdleCount => Volatile.Read(ref _idleCount);

    public SandboxEngine Rent(string tenant, ScriptLimits limits)
    {
        if (_idle.TryGetValue((tenant, limits), out var stack) && stack.TryPop(out var engine))
        {
            Interlocked.Decrement(ref _idleCount);
            return engine;
        }
        Interlocked.Increment(ref _created);
        return new SandboxEngine(limits, cache, globals);
    }

    /// <summary>Keeps an engine whose run ended cleanly for the next run of the same tenant and limits.</summary>
    public void Return(string tenant, SandboxEngine engine)
    {
        TrimIfDue();
        var stack = _idle.GetOrAdd((tenant, engine.Limits), _ => new ConcurrentStack<SandboxEngine>());
        if (stack.Count >= options.MaxIdlePerTenant) return;
        if (Interlocked.Increment(ref _idleCount) > options.MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            return;
        }
        stack.Push(engine);
    }

    /// <summary>Drops engines idle longer than their lifetime and quietens resting ones (checked at most every trim interval, on return).</summary>
    private void TrimIfDue()
    {
        var now = Stopwatch.GetTimestamp();
        var due = Interlocked.Read(ref _nextTrim);
        if (now < due || Interlocked.CompareExchange(ref _nextTrim, now + (long)(options.TrimInterval.TotalSeconds * Stopwatch.Frequency), due) != due) return;
        // Empty stacks stay (one small entry per tenant and limits): removing one could lose an engine pushed meanwhile.
        foreach (var stack in _idle.Values)
        {
            var keep = new List<SandboxEngine>();
            while (stack.TryPop(out var engine))
            {
                var idle = Stopwatch.GetElapsedTime(engine.LastUsed, now);
                if (idle >= options.IdleLifetime)
                {
                    Interlocked.Decrement(ref _idleCount);
                    continue;
                }
                // Popped, so no run holds it: an engine resting a while lets go of its last run's objects.
                if (idle >= options.QuietAfter) engine.ReleaseLastRun();
                keep.Add(engine);
            }
            // Oldest first back onto the stack, so the most recently used engine is rented next.
            for (var i = keep.Count - 1; i >= 0; i--) stack.Push(keep[i]);
        }
    }
}
