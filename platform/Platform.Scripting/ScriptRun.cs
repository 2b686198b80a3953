using Jint.Native;

namespace Platform.Scripting;

/// <summary>
/// The state of one run on a reused engine: what the script was given, what it reported, and the counters that go into
/// the run report. The engine's host functions read the run in progress; nothing of it outlives the run.
/// </summary>
internal sealed class ScriptRun(ScriptContext context, CancellationToken ct) : IDisposable
{
    private readonly long _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    private CancellationTokenSource? _crmTimeout;

    public ScriptContext Context { get; } = context;
    public List<ScriptFieldError> FieldErrors { get; } = [];
    public List<ScriptLogEntry> Logs { get; } = [];
    public int CrmQueries { get; set; }
    public int CrmWrites { get; set; }

    /// <summary>The script's <c>record</c>, once the script has read it (a script that never does leaves the record as it was).</summary>
    public JsValue? Record { get; set; }

    /// <summary>Libraries required in this run: each runs once per run, on this run's engine.</summary>
    public Dictionary<string, JsValue> Libraries { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Jint cannot interrupt a host call that is still running, so crm calls get a token cancelled at what is left of the
    /// script's time. Made on the first crm call: most runs make none.
    /// </summary>
    public CancellationToken CrmToken
    {
        get
        {
            if (_crmTimeout is null)
            {
                _crmTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var left = Context.Limits.Timeout - System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt);
                _crmTimeout.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            return _crmTimeout.Token;
        }
    }

    public void Dispose() => _crmTimeout?.Dispose();
}
