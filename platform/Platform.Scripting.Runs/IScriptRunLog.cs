using Platform.Runtime;
using Platform.Scripting;

namespace Platform.Scripting.Runs;

/// <summary>
/// Where every script run's report goes (usage beside limits, logs, error), for admins. Must not slow the run's
/// request: implementations queue and write later, outside the request's transaction (a failed run is kept too).
/// </summary>
public interface IScriptRunLog
{
    void Add(TenantRuntime runtime, ScriptRunReport report);

    /// <summary>Writes what is queued, so a reader sees every run added before the call.</summary>
    Task FlushAsync(CancellationToken ct);
}
