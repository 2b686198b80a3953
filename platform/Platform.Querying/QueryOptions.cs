namespace Platform.Querying;

/// <summary>The raw OData-style query options of one list request; null means "not given".</summary>
public sealed record QueryOptions
{
    public string? Filter { get; init; }
    public string? OrderBy { get; init; }
    public string? Top { get; init; }
    public string? Skip { get; init; }
    public string? Select { get; init; }
    public string? Expand { get; init; }
    public string? Count { get; init; }
    public string? SkipToken { get; init; }
    /// <summary>OData <c>$apply</c> (grouped reads); only the list endpoint takes it, through <see cref="Apply.ApplyTranslator"/>.</summary>
    public string? Apply { get; init; }

    /// <summary>"$" options that are not supported (e.g. $search, $compute); the translator reports them.</summary>
    public IReadOnlyList<string> Unsupported { get; init; } = [];

    /// <summary>Options given more than once; the translator reports them rather than guess which one counts.</summary>
    public IReadOnlyList<string> Repeated { get; init; } = [];

    /// <summary>
    /// Reads options from query string pairs. Names are matched case-insensitively ("$Filter" is "$filter");
    /// parameters without a "$" belong to the caller and are ignored.
    /// </summary>
    public static QueryOptions From(IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var unsupported = new List<string>();
        var repeated = new List<string>();
        foreach (var (rawName, value) in pairs)
        {
            if (!rawName.StartsWith('$')) continue;
            var name = rawName.ToLowerInvariant();
            if (!Known.Contains(name)) { unsupported.Add(rawName); continue; }
            if (!values.TryAdd(name, value) && !repeated.Contains(name)) repeated.Add(name);
        }
        return new QueryOptions
        {
            Filter = values.GetValueOrDefault("$filter"),
            OrderBy = values.GetValueOrDefault("$orderby"),
            Top = values.GetValueOrDefault("$top"),
            Skip = values.GetValueOrDefault("$skip"),
            Select = values.GetValueOrDefault("$select"),
            Expand = values.GetValueOrDefault("$expand"),
            Count = values.GetValueOrDefault("$count"),
            SkipToken = values.GetValueOrDefault("$skiptoken"),
            Apply = values.GetValueOrDefault("$apply"),
            Unsupported = unsupported,
            Repeated = repeated,
        };
    }

    private static readonly HashSet<string> Known =
        ["$filter", "$orderby", "$top", "$skip", "$select", "$expand", "$count", "$skiptoken", "$apply"];
}
