namespace Platform.Scripting;

/// <summary>How many scripts of one tenant may run at once on this process, and how long a run waits for its turn.</summary>
public sealed record ScriptConcurrencyOptions
{
    /// <summary>
    /// Half the cores (at least one): a tenant whose scripts all spin at their time limits keeps at most that many cores
    /// and thread-pool threads busy, and every other tenant keeps the rest.
    /// </summary>
    public int MaxRunsPerTenant { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>
    /// The running time (crm calls left out) one tenant's scripts may use per second of wall time on this process, on
    /// average: a quarter of the cores, at least half a core. A tenant over its share waits before its next run, so one
    /// whose hooks spin at their time limits holds far less than its <see cref="MaxRunsPerTenant"/> cores. Ordinary
    /// scripts run in microseconds and never come near it. Null switches it off.
    /// </summary>
    public TimeSpan? ScriptTimePerSecond { get; init; } = TimeSpan.FromSeconds(Math.Max(0.5, Environment.ProcessorCount / 4.0));

    /// <summary>How much running time a quiet tenant may spend at once before its share applies.</summary>
    public TimeSpan ScriptTimeBurst { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A run that cannot start within this time fails with the limit <c>concurrentRuns</c> (its caller gets a problem, not a hang).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(30);
}
