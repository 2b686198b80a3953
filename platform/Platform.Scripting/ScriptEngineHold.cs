namespace Platform.Scripting;

/// <summary>
/// Keeps the engine a run ended with for the next run that names this hold (<see cref="ScriptContext.Engines"/>), so
/// the scripts of one record write — defaults, beforeSave, formulas — take one engine from the pool, not one each. Runs
/// still see nothing of each other (an engine is reset after every run). A nested run (a hook's crm call) while the
/// engine is out rents its own. Disposing gives the kept engine back to the pool.
/// </summary>
public sealed class ScriptEngineHold : IDisposable
{
    private readonly Action<string, SandboxEngine>? _release;
    private Held? _held;
    private volatile bool _disposed;

    /// <param name="release">Gives an engine back to its pool; null for an executor without engines (nothing is kept).</param>
    internal ScriptEngineHold(Action<string, SandboxEngine>? release) => _release = release;

    /// <summary>A hold that keeps nothing, for executors that have no engines to keep.</summary>
    public static ScriptEngineHold None() => new(null);

    /// <summary>The kept engine when it fits the run (same tenant and limits); null to rent one.</summary>
    internal SandboxEngine? TryTake(string tenant, ScriptLimits limits)
    {
        if (Interlocked.Exchange(ref _held, null) is not { } held) return null;
        if (held.Tenant == tenant && held.Engine.Limits == limits) return held.Engine;
        _release!(held.Tenant, held.Engine);
        return null;
    }

    /// <summary>Keeps an engine whose run ended cleanly; false when it should go back to the pool instead.</summary>
    internal bool Keep(string tenant, SandboxEngine engine) =>
        _release is not null && !_disposed && Interlocked.CompareExchange(ref _held, new Held(tenant, engine), null) is null;

    public void Dispose()
    {
        _disposed = true;
        if (Interlocked.Exchange(ref _held, null) is { } held) _release!(held.Tenant, held.Engine);
    }

    private sealed record Held(string Tenant, SandboxEngine Engine);
}
