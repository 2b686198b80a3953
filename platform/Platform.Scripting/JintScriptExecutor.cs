using System.Diagnostics;
using System.Text.RegularExpressions;
using Jint;
using Jint.Runtime;

namespace Platform.Scripting;

/// <summary>
/// Runs each script on a fresh Jint engine (engines are not thread-safe and a reused one would carry globals and
/// prototype changes between runs) from a shared cache of prepared scripts, with every limit switched on explicitly.
/// </summary>
public sealed partial class JintScriptExecutor : IScriptExecutor
{
    private readonly PreparedScriptCache _cache = new();

    public int CachedScripts => _cache.Count;

    public ScriptError? Check(ScriptSource script) => _cache.Get(script).Error;

    // Jint is synchronous; the run stays on the caller's thread because memory is counted per thread.
    public Task<ScriptResult> ExecuteAsync(ScriptSource script, ScriptContext context, CancellationToken ct) =>
        Task.FromResult(Execute(script, context, ct));

    private ScriptResult Execute(ScriptSource script, ScriptContext context, CancellationToken ct)
    {
        var limits = context.Limits;
        var startedAt = context.Clock();
        var entry = _cache.Get(script);
        if (entry.Error is not null)
            return Result(script, context, startedAt, new ScriptUsage(TimeSpan.Zero, 0, 0, 0, 0), entry.Error, null, null);

        var counter = new StatementCounter();
        var engine = new Engine(options =>
        {
            options.Strict();
            options.DisableStringCompilation();
            options.TimeoutInterval(limits.Timeout);
            options.MaxStatements(limits.MaxStatements);
            options.LimitMemory(limits.MaxMemoryBytes);
            options.LimitRecursion(limits.MaxRecursionDepth);
            options.RegexTimeoutInterval(limits.RegexTimeout);
            options.MaxArraySize(limits.MaxArrayLength);
            options.MaxJsonParseDepth(32);
            options.CancellationToken(ct);
            options.Constraints.StackOverflowGuard = true;
            options.Constraint(counter);
            // No AllowClr: no namespaces, no importNamespace, no System; CLR exceptions are never catchable by scripts.
        });
        BuiltInGuards.Install(engine, limits);

        using var crmTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        crmTimeout.CancelAfter(limits.Timeout);
        var host = new ScriptHost(engine, context, crmTimeout.Token, _cache);
        host.Install();

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        ScriptError? error = null;
        object? value = null;
        try
        {
            value = JsConvert.FromJs(engine.Evaluate(entry.Script!.Value));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = Describe(script, engine, e, limits);
        }
        watch.Stop();
        var usage = new ScriptUsage(watch.Elapsed, counter.Count, host.CrmQueries, host.CrmWrites,
            GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        if (error is null && ct.IsCancellationRequested) ct.ThrowIfCancellationRequested();
        return Result(script, context, startedAt, usage, error, error is null ? host : null, value, host);
    }

    private static ScriptResult Result(
        ScriptSource script, ScriptContext context, DateTimeOffset startedAt, ScriptUsage usage, ScriptError? error,
        ScriptHost? succeeded, object? value, ScriptHost? host = null)
    {
        var report = new ScriptRunReport(script.Name, script.Hash, startedAt, context.Limits, usage, error, host?.Logs ?? []);
        var record = succeeded?.ReadRecord() ?? new Dictionary<string, object?>(context.Record);
        return new ScriptResult(record, host?.FieldErrors ?? [], value, report);
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
            OperationCanceledException => ("timeout", "was cancelled"),
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
