namespace Platform.Scripting;

/// <summary>Per-invocation budget, in the spirit of Apex governor limits; every value is enforced, none is "unlimited".</summary>
public sealed record ScriptLimits
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxStatements { get; init; } = 1_000_000;
    /// <summary>Managed bytes the run may allocate (Jint counts allocations on the engine thread, not the live heap).</summary>
    public long MaxMemoryBytes { get; init; } = 32L * 1024 * 1024;
    public int MaxRecursionDepth { get; init; } = 64;
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);
    public uint MaxArrayLength { get; init; } = 100_000;
    /// <summary>Longest string one built-in call may produce; checked before the call allocates.</summary>
    public int MaxStringLength { get; init; } = 4 * 1024 * 1024;
    public int MaxCrmQueries { get; init; } = 100;
    public int MaxCrmWrites { get; init; } = 150;
    public int MaxLogEntries { get; init; } = 100;

    /// <summary>Record hooks, formulas and defaults: they run inside a user's request.</summary>
    public static ScriptLimits Hook { get; } = new();

    /// <summary>Custom actions (and workflow "run script"): longer, same shape.</summary>
    public static ScriptLimits Action { get; } = new()
    {
        Timeout = TimeSpan.FromSeconds(10), MaxStatements = 10_000_000, MaxRecursionDepth = 128, MaxArrayLength = 1_000_000,
    };
}
