using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Platform.Scripting;

/// <summary>
/// What a global's host functions work with: the engine, the run in progress (its context, cancellation and counters),
/// the run's clock (paused while the host waits on something that is not the script) and per-run call limits.
/// One per pooled engine; a run is in progress between the engine's Begin and End.
/// </summary>
public sealed class ScriptGlobalHost
{
    private const int MaxTextLength = 2_000;
    private readonly RunDeadline _deadline;
    private ScriptRun? _run;

    internal ScriptGlobalHost(Engine engine, PreparedScriptCache cache, RunDeadline deadline)
    {
        Engine = engine;
        Cache = cache;
        _deadline = deadline;
    }

    public Engine Engine { get; }

    internal PreparedScriptCache Cache { get; }

    internal ScriptRun Run => _run ?? throw new InvalidOperationException("No script run is in progress on this engine.");

    /// <summary>What the run in progress was given.</summary>
    public ScriptContext Context => Run.Context;

    /// <summary>The request's cancellation, for host calls the run makes.</summary>
    public CancellationToken CancellationToken => Run.CancellationToken;

    internal void Begin(ScriptRun run) => _run = run;

    internal void End() => _run = null;

    /// <summary>A host function; create them in <see cref="IScriptGlobal.Install"/> (once per engine), not per run.</summary>
    public ClrFunction Function(string name, Func<JsValue[], JsValue> body) => new(Engine, name, (_, args) => body(args));

    /// <summary>
    /// Counts one call against a per-run limit: past <paramref name="max"/> calls the run stops at once with limit
    /// <paramref name="limit"/> (as with the built-in limits, the problem names it). Returns the calls so far.
    /// </summary>
    public int Count(string limit, int max, string what)
    {
        var calls = Run.Calls;
        var count = calls.GetValueOrDefault(limit) + 1;
        calls[limit] = count;
        if (count > max) throw new ScriptLimitExceededException(limit, $"more than {max} {what}");
        return count;
    }

    /// <summary>Calls of <paramref name="limit"/> counted in the run in progress.</summary>
    public int Calls(string limit) => Run.Calls.GetValueOrDefault(limit);

    /// <summary>
    /// Stops the script's clock while the host waits (database, network); read the arguments first, since their
    /// getters and toString are script code that must run on the clock.
    /// </summary>
    public IDisposable PauseClock() => _deadline.Pause();

    internal RunDeadline.Paused Pause() => _deadline.Pause();

    /// <summary>Argument <paramref name="index"/> as text; "" when missing, undefined or null.</summary>
    public static string Arg(JsValue[] args, int index) =>
        args.Length > index && !args[index].IsUndefined() && !args[index].IsNull() ? TypeConverter.ToString(args[index]) : "";

    /// <summary>Text cut at 2,000 characters (messages a script hands the host).</summary>
    public static string Truncate(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…";
}
