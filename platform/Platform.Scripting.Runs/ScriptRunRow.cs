using Platform.Scripting;

namespace Platform.Scripting.Runs;

/// <summary>One stored run, as admins read it: usage beside limits, the outcome and the script's log lines.</summary>
public sealed record ScriptRunRow(
    string Id, string Script, string Hash, DateTimeOffset StartedAt, bool Succeeded, ScriptRunUsage Usage,
    ScriptLimitsView Limits, ScriptError? Error, IReadOnlyList<ScriptLogEntry> Logs);

/// <summary>What a run used; allocatedBytes is what the run allocated on its thread (Jint's memory limit counts the same).</summary>
public sealed record ScriptRunUsage(double ElapsedMs, long Statements, int CrmQueries, int CrmWrites, long AllocatedBytes);

/// <summary>The limits a run had, in the units of module.json's scriptLimits.</summary>
public sealed record ScriptLimitsView(
    double TimeoutMs, int MaxStatements, long MaxMemoryBytes, int MaxRecursionDepth, int MaxCrmQueries, int MaxCrmWrites, int MaxLogEntries)
{
    public static ScriptLimitsView Of(ScriptLimits limits) => new(limits.Timeout.TotalMilliseconds, limits.MaxStatements, limits.MaxMemoryBytes,
        limits.MaxRecursionDepth, limits.MaxCrmQueries, limits.MaxCrmWrites, limits.MaxLogEntries);
}

/// <summary>Per-script figures over the kept runs: how close the script comes to its limits, and how often it fails.</summary>
public sealed record ScriptRunSummary(
    string Script, int Runs, int Failures, DateTimeOffset LastRunAt, double AverageElapsedMs, double MaxElapsedMs,
    long MaxStatements, long MaxAllocatedBytes, int MaxCrmQueries, int MaxCrmWrites);
