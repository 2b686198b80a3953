namespace Platform.Querying;

/// <summary>The bounds a list request is held to.</summary>
public static class QueryLimits
{
    public const int DefaultTop = 50;
    public const int MaxTop = 1000;
    /// <summary>
    /// Deepest <c>$skip</c>: the database still reads every skipped row, so deeper pages go through <c>$skiptoken</c>
    /// (keyset, as fast on page 1,000 as on page 1).
    /// </summary>
    public const int MaxSkip = 10_000;
    /// <summary>Where a default count stops ("1,000+").</summary>
    public const int CountCap = 1000;
    /// <summary>Most values one <c>in</c> list (or any/in) may carry; each becomes a statement parameter.</summary>
    public const int MaxInValues = 1000;
    /// <summary>Longest continuation token accepted.</summary>
    public const int MaxTokenLength = 8192;
}
