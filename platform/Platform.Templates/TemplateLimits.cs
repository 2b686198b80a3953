namespace Platform.Templates;

/// <summary>
/// What one rendering may spend. Templates are written by tenant administrators and rendered on the shared host, so
/// each bound is explicit rather than Scriban's defaults.
/// </summary>
public sealed record TemplateLimits
{
    /// <summary>Iterations of any one loop.</summary>
    public int LoopLimit { get; init; } = 1000;

    /// <summary>Depth of nested function calls and includes.</summary>
    public int RecursiveLimit { get; init; } = 20;

    /// <summary>Wall-clock time for the whole rendering, every lookup pass included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Related records loaded through lookups in one rendering.</summary>
    public int MaxLookups { get; init; } = 50;

    /// <summary>Characters a value may print as (a huge array or string printed whole).</summary>
    public int LimitToString { get; init; } = 100_000;

    public static TemplateLimits Default { get; } = new();
}
