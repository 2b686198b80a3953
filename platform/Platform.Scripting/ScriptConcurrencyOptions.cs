namespace Platform.Scripting;

/// <summary>How many scripts of one tenant may run at once on this process, and how long a run waits for its turn.</summary>
public sealed record ScriptConcurrencyOptions
{
    /// <summary>
    /// Half the cores (at least one): a tenant whose scripts all spin at their time limits keeps at most that many cores
    /// and thread-pool threads busy, and every other tenant keeps the rest.
    /// </summary>
    public int MaxRunsPerTenant { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>A run that cannot start within this time fails with the limit <c>concurrentRuns</c> (its caller gets a problem, not a hang).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(30);
}
