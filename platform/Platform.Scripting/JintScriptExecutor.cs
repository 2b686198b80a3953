using System.Diagnostics;
using System.Text.RegularExpressions;
using Jint;
using Jint.Runtime;

using Platform.Scripting.Globals;

namespace Platform.Scripting;

/// <summary>
/// Runs scripts from a shared cache of prepared scripts on pooled sandbox engines: each tenant's runs reuse engines set up
/// once (limits, guards, frozen intrinsics, host functions), restored to a clean global state after every run. A run
/// that ends in a limit or host fault discards its engine instead of returning it.
/// </summary>
public sealed partial class JintScriptExecutor : IScriptExecutor
{
    private readonly PreparedScriptCache _cache = new();
    private readonly SandboxEnginePool _engines;
    private readonly TenantRunGate _gate;
    private readonly TenantTimeShare _timeShare;

    /// <param name="globals">
    /// What scripts see (<see cref="ScriptingServices.AddScriptGlobal{T}"/> registers them); without any, the platform's
    /// own (<see cref="ScriptGlobals.BuiltIn"/>).
    /// </param>
    public JintScriptExecutor(ScriptEnginePoolOptions? pool = null, ScriptConcurrencyOptions? concurrency = null, IEnumerable<IScriptGlobal>? globals = null)
    {
        var installed = globals?.ToList() is { Count: > 0 } registered ? registered : ScriptGlobals.BuiltIn;
        _engines = new SandboxEnginePool(_cache, pool ?? new ScriptEnginePoolOptions(), installed);
        _gate = new TenantRunGate(concurrency ?? new ScriptConcurrencyOptions());
        _timeShare = new TenantTimeShare(_gate.Options);
    }

    public int CachedScripts => _cache.Count;

    /// <summary>Sandbox engines set up so far (each is reused for many runs of one tenant).</summary>
    public long EnginesCreated => _engines.Created;

    /// <summary>Engines waiting in the pool for their tenant's next run.</summary>
    public int IdleEngines => _engines.IdleCount;

    public ScriptError? Check(ScriptSource script) => _cache.Get(script).Error;

    public ScriptEngineHold HoldEngines() => new(_engines.Return);

    /// <summary>
    /// Waits (asynchronously) for one of the tenant's run slots, then runs. A run inside another run of the tenant, or
    /// whose caller holds the tenant's write lock, starts at once (see <see cref="TenantRunGate"/>).
    /// </summary>
    public async Task<ScriptResult> ExecuteAsync(ScriptSource script, ScriptContext context, CancellationToken ct)
    {
        if (TenantRunGate.IsInsideRunOf(context.Tenant) || context.HoldsTenantWriteLock)
        {
            TenantRunGate.MarkRunning(context.Tenant);
            return Execute(script, context, ct);
        }
        var waited = Stopwatch.StartNew();
        if (!await _timeShare.WaitForTurnAsync(context.Tenant, _gate.Options.MaxWait, ct)) return OverTimeShare(script, context);
        using var slot = await _gate.EnterAsync(context.Tenant, ct);
        if (slot is null || waited.Elapsed > _gate.Options.MaxWait) return NoSlot(script, context);
        TenantRunGate.MarkRunning(context.Tenant);
        // Jint is synchronous; the whole run stays on this thread because memory is counted per thread.
        return Execute(script, context, ct);
    }

    private ScriptResult NoSlot(ScriptSource script, ScriptContext context)
    {
        var options = _gate.Options;
        var error = new ScriptError(script.Name, 0, 0,
            $"Limit 'concurrentRuns' exceeded in {script.Name}: the tenant already runs {options.MaxRunsPerTenant} scripts at once " +
            $"and none finished within {options.MaxWait.TotalSeconds:0} s", ScriptErrorKind.LimitExceeded, "concurrentRuns");
        return Result(script, context, context.Clock(), new ScriptUsage(TimeSpan.Zero, 0, 0, 0, 0), error, null, null, null);
    }

    private ScriptResult OverTimeShare(ScriptSource script, ScriptContext context)
    {
        var options = _gate.Options;
        var error = new ScriptError(script.Name, 0, 0,
            $"Limit 'tenantScriptTime' exceeded in {script.Name}: the tenant's scripts used more than their share of running time " +
            $"({options.ScriptTimePerSecond!.Value.TotalSeconds:0.##} s per second) and no turn came within {options.MaxWait.TotalSeconds:0} s",
            ScriptErrorKind.LimitExceeded, "tenantScriptTime");
        return Result(script, context, context.Clock(), new ScriptUsage(TimeSpan.Zero, 0, 0, 0, 0), error, null, null, null);
    }

    private ScriptResult Execute(ScriptSource script, ScriptContext context, CancellationToken ct)
    {
        var limits = context.Limits;
        var startedAt = context.Clock();
        var entry = _cache.Get(script);
        if (entry.Error is not null)
            return Result(script, context, startedAt, new ScriptUsage(TimeSpan.Zero, 0, 0, 0, 0), entry.Error, null, null, null);

        var hold = context.Engines;
        var sandbox = hold?.TryTake(context.Tenant, limits) ?? _engines.Rent(context.Tenant, limits);
        var run = new ScriptRun(context, ct);
        var reusable = false;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        ScriptError? error = null;
        object? value = null;
        Dictionary<string, object?>? record = null;
        long statements;
        sandbox.Begin(run, ct);
        try
        {
            value = JsConvert.FromJs(sandbox.Engine.Evaluate(entry.Script!.Value));
            // Inside the run: a getter the script put on record still runs under its limits, and on its own engine.
            record = RecordGlobal.Read(run);
            reusable = true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = Describe(script, sandbox.Engine, e, limits);
            // A script's own throw unwinds cleanly; a limit or host fault stops Jint mid-statement, so that engine goes.
            reusable = e is JavaScriptException && error.Kind == ScriptErrorKind.Runtime;
        }
        finally
        {
            watch.Stop();
            statements = sandbox.Statements;
            reusable &= End(sandbox) && sandbox.Reusable;
            _timeShare.Charge(context.Tenant, sandbox.ScriptTime);
            if (reusable && hold?.Keep(context.Tenant, sandbox) != true) _engines.Return(context.Tenant, sandbox);
        }
        // Not from the engine: once returned, another run may have it.
        var usage = new ScriptUsage(watch.Elapsed, statements, run.CrmQueries, run.CrmWrites,
            GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        if (error is null && ct.IsCancellationRequested) ct.ThrowIfCancellationRequested();
        return Result(script, context, startedAt, usage, error, error is null ? record : null, value, run);
    }

    private static bool End(SandboxEngine sandbox)
    {
        try
        {
            sandbox.End();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ScriptResult Result(
        ScriptSource script, ScriptContext context, DateTimeOffset startedAt, ScriptUsage usage, ScriptError? error,
        Dictionary<string, object?>? record, object? value, ScriptRun? run)
    {
        var report = new ScriptRunReport(script.Name, script.Hash, startedAt, context.Limits, usage, error, run?.Logs ?? []);
        return new ScriptResult(record ?? new Dictionary<string, object?>(context.Record), run?.FieldErrors ?? [], value, report);
    }

    private static ScriptError Describe(ScriptSource script, Engine engine, Exception e, ScriptLimits limits)
    {
        var (line, column) = Location(engine, e);
        var (limit, message) = e switch
        {
            ScriptLimitExceededException l => (l.Limit, l.Message),
            RegexMatchTimeoutException => ("regexTimeout", $"a regular expression ran longer than {limits.RegexTimeout.TotalMilliseconds:0} ms"),
            TimeoutException => ("timeout", $"ran longer than {limits.Timeout.TotalMilliseconds:0} ms"),
            StatementsCountOverflowException => ("maxStatements", $"executed more than {limits.MaxStatements} statements"),
            MemoryLimitExceededException m when m.Message.Contains("array size", StringComparison.OrdinalIgnoreCase) =>
                ("maxArrayLength", m.Message),
            MemoryLimitExceededException => ("memory", $"allocated more than {limits.MaxMemoryBytes / (1024 * 1024)} MB"),
            OutOfMemoryException => ("memory", "ran out of memory"),
            RecursionDepthOverflowException => ("maxRecursionDepth", $"called functions deeper than {limits.MaxRecursionDepth} levels"),
            InsufficientExecutionStackException => ("maxRecursionDepth", "exhausted the native stack"),
            JavaScriptException j when j.Message.Contains("Maximum call stack size exceeded", StringComparison.Ordinal) =>
                ("maxRecursionDepth", "exhausted the native stack"),
            // The request's own cancellation is not described (it propagates); this is a crm call's timeout.
            OperationCanceledException => ("timeout", $"a crm call took longer than {RunDeadline.CrmCallTimeout.TotalSeconds:0} s"),
            _ => ((string?)null, e.Message),
        };
        return limit is null
            ? new ScriptError(script.Name, line, column, message, ScriptErrorKind.Runtime)
            : new ScriptError(script.Name, line, column, $"Limit '{limit}' exceeded in {script.Name} at line {line}: {message}",
                ScriptErrorKind.LimitExceeded, limit);
    }

    private static (int Line, int Column) Location(Engine engine, Exception e)
    {
        if (e is JavaScriptException js && js.Location.Start.Line > 0) return (js.Location.Start.Line, js.Location.Start.Column + 1);
        // The call stack still describes where the run stopped (limit exceptions and host guards carry no location).
        var top = engine.Advanced.StackTrace.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var match = StackLocation().Match(top);
        return match.Success ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : (0, 0);
    }

    [GeneratedRegex(@":(\d+):(\d+)\)?\s*$")]
    private static partial Regex StackLocation();
}
