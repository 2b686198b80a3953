namespace Platform.Metadata.Definitions;

/// <summary>
/// A module's <c>scriptLimits</c>: per-tenant overrides of the platform's script limits, for hooks (also formulas and
/// default expressions) and for custom actions. Unset values keep the platform default.
/// </summary>
public sealed record ScriptLimitSettings
{
    public ScriptLimitOverrides? Hook { get; init; }
    public ScriptLimitOverrides? Action { get; init; }
}

/// <summary>The limits a tenant may change, each bounded by <see cref="ScriptLimitBounds"/>.</summary>
public sealed record ScriptLimitOverrides
{
    public int? TimeoutMs { get; init; }
    public int? MaxStatements { get; init; }
    public int? MaxMemoryMb { get; init; }
    public int? MaxRecursionDepth { get; init; }
    public int? MaxCrmQueries { get; init; }
    public int? MaxCrmWrites { get; init; }
    public int? MaxLogEntries { get; init; }

    /// <summary>Each set value with its JSON property name.</summary>
    public IEnumerable<(string Name, int Value)> Values()
    {
        if (TimeoutMs is { } t) yield return ("timeoutMs", t);
        if (MaxStatements is { } s) yield return ("maxStatements", s);
        if (MaxMemoryMb is { } m) yield return ("maxMemoryMb", m);
        if (MaxRecursionDepth is { } r) yield return ("maxRecursionDepth", r);
        if (MaxCrmQueries is { } q) yield return ("maxCrmQueries", q);
        if (MaxCrmWrites is { } w) yield return ("maxCrmWrites", w);
        if (MaxLogEntries is { } l) yield return ("maxLogEntries", l);
    }
}

/// <summary>
/// The range each override may take: at least 1 (a limit of 0 would refuse every run), at most what one host can grant
/// one script without starving other tenants' requests.
/// </summary>
public static class ScriptLimitBounds
{
    public static IReadOnlyDictionary<string, int> Maxima { get; } = new Dictionary<string, int>
    {
        ["timeoutMs"] = 60_000,
        ["maxStatements"] = 100_000_000,
        ["maxMemoryMb"] = 512,
        ["maxRecursionDepth"] = 512,
        ["maxCrmQueries"] = 1_000,
        ["maxCrmWrites"] = 2_000,
        ["maxLogEntries"] = 1_000,
    };
}
