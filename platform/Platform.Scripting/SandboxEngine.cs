using Jint;

namespace Platform.Scripting;

/// <summary>
/// One Jint engine set up once — every limit switched on explicitly, the built-in guards, frozen intrinsics, the host
/// functions — and then reused for runs of one tenant with one set of limits. Between runs Jint's global snapshot
/// restores the global object (a run's <c>var</c>s, <c>let</c>s, added or replaced globals, the run's lazy values);
/// the frozen intrinsics and host functions cannot carry anything from one run to the next.
/// Setting all this up costs milliseconds, so it happens when a tenant's pool is empty, not per run.
/// </summary>
internal sealed class SandboxEngine
{
    private readonly RunDeadline _deadline = new();
    private readonly StatementCounter _statements = new();
    private readonly ScriptHost _host;
    private readonly GlobalSnapshot _clean;
    private readonly Func<bool> _symbolRegistryFull;
    private bool _lastRunReleased;

    /// <summary>Distinct Symbol.for keys (and their characters) an engine may hold before it is retired, not reused.</summary>
    public const int MaxSymbolKeys = 10_000;

    public const long MaxSymbolKeyChars = 1_000_000;

    public SandboxEngine(ScriptLimits limits, PreparedScriptCache cache, IReadOnlyList<IScriptGlobal> globals)
    {
        Limits = limits;
        Engine = new Engine(options =>
        {
            options.Strict();
            options.DisableStringCompilation();
            options.MaxStatements(limits.MaxStatements);
            options.LimitMemory(limits.MaxMemoryBytes);
            options.LimitRecursion(limits.MaxRecursionDepth);
            options.RegexTimeoutInterval(limits.RegexTimeout);
            options.MaxArraySize(limits.MaxArrayLength);
            options.MaxJsonParseDepth(32);
            options.Constraints.StackOverflowGuard = true;
            // The run's time and the request's cancellation (see RunDeadline).
            options.Constraint(_deadline.Constraint);
            options.Constraint(_statements);
            // No AllowClr: no namespaces, no importNamespace, no System; CLR exceptions are never catchable by scripts.
        });
        BuiltInGuards.Install(Engine, limits);
        _symbolRegistryFull = BuiltInGuards.TrackSymbolRegistry(Engine, MaxSymbolKeys, MaxSymbolKeyChars);
        _host = new ScriptHost(Engine, cache, _deadline, globals);
        var hostObjects = _host.InstallFunctions();
        FrozenIntrinsics.Freeze(Engine, hostObjects);
        _host.InstallRunGlobals();
        _clean = Engine.Advanced.CaptureGlobalSnapshot();
    }

    public Engine Engine { get; }

    public ScriptLimits Limits { get; }


    /// <summary>The current (or last) run's own running time, crm calls left out.</summary>
    public TimeSpan ScriptTime => _deadline.Spent;

    /// <summary>Statements the current (or last) run executed.</summary>
    public long Statements => _statements.Count;

    /// <summary>
    /// False once the engine holds more than a bound of state that restoring the globals does not clear (the Symbol.for
    /// registry): it is then dropped after its run instead of going back to the pool.
    /// </summary>
    public bool Reusable => !_symbolRegistryFull();

    /// <summary>When the engine last finished a run (Stopwatch timestamp), for the pool's idle trimming.</summary>
    public long LastUsed { get; private set; }

    /// <summary>Starts a run: its state becomes what the host functions see, its time budget starts now.</summary>
    public void Begin(ScriptRun run, CancellationToken ct)
    {
        _host.Begin(run);
        _statements.Restart();
        _deadline.Begin(Limits.Timeout, ct);
    }

    /// <summary>Ends a run and returns the engine to its clean state. Never throws for what the script did.</summary>
    public void End()
    {
        _deadline.End();
        _host.End();
        Engine.Advanced.ResetCallStack();
        Engine.Advanced.RestoreGlobalSnapshot(_clean);
        LastUsed = System.Diagnostics.Stopwatch.GetTimestamp();
        _lastRunReleased = false;
    }

    /// <summary>
    /// Jint's warmed call sites keep the last receiver and callee they served, so an idle engine would keep its last
    /// run's record alive (scripts cannot reach it). Dropping the caches costs the next run a re-warm; done once per
    /// idle spell, not per run.
    /// </summary>
    public void ReleaseLastRun()
    {
        if (_lastRunReleased) return;
        Engine.Advanced.DiscardInterpreterCaches();
        _lastRunReleased = true;
    }
}
