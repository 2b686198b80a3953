using Jint.Native;

namespace Platform.Scripting;

/// <summary>
/// The state of one run on a reused engine: what the script was given, what it reported, and the counters that go into
/// the run report. The engine's host functions read the run in progress; nothing of it outlives the run.
/// </summary>
internal sealed class ScriptRun(ScriptContext context, CancellationToken ct)
{
    public ScriptContext Context { get; } = context;
    public List<ScriptFieldError> FieldErrors { get; } = [];
    public List<ScriptLogEntry> Logs { get; } = [];
    public int CrmQueries { get; set; }
    public int CrmWrites { get; set; }

    /// <summary>Calls of registered globals counted against their limits (<see cref="ScriptGlobalHost.Count"/>).</summary>
    public Dictionary<string, int> Calls => _calls ??= new Dictionary<string, int>(StringComparer.Ordinal);

    private Dictionary<string, int>? _calls;

    /// <summary>The script's <c>record</c>, once the script has read it (a script that never does leaves the record as it was).</summary>
    public JsValue? Record { get; set; }

    /// <summary>Libraries required in this run: each runs once per run, on this run's engine.</summary>
    public Dictionary<string, JsValue> Libraries { get; } = new(StringComparer.Ordinal);

    /// <summary>The request's cancellation, for the host calls the run makes.</summary>
    public CancellationToken CancellationToken { get; } = ct;
}
