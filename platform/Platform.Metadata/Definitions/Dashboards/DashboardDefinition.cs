namespace Platform.Metadata.Definitions.Dashboards;

/// <summary>A page of charts (dashboards/&lt;id&gt;.json), each an aggregate of an entity's records computed on the server.</summary>
public sealed record DashboardDefinition
{
    /// <summary>The version of the dashboard document format; 1 when left out.</summary>
    public int? SchemaVersion { get; init; }
    public required string Id { get; init; }
    public required LocalizedText Label { get; init; }
    public required IReadOnlyList<DashboardChart> Charts { get; init; }
}

/// <summary>One chart: <see cref="Measure"/> of the records of <see cref="Entity"/> matching <see cref="Filter"/>, per <see cref="GroupBy"/> group.</summary>
public sealed record DashboardChart
{
    public required string Id { get; init; }
    public required LocalizedText Title { get; init; }
    /// <summary>bar, line, pie, funnel (one value per group) or number (one total).</summary>
    public required string Type { get; init; }
    public required string Entity { get; init; }
    /// <summary>An OData <c>$filter</c> expression, as the list API takes it.</summary>
    public string? Filter { get; init; }
    public ChartGroupBy? GroupBy { get; init; }
    public required ChartMeasure Measure { get; init; }
    /// <summary>Whether a click on a bar or slice opens its records; true when left out.</summary>
    public bool? Drill { get; init; }
    /// <summary>Width in a 12-column grid; 6 when left out.</summary>
    public int? Span { get; init; }

    public const string Number = "number";
}

public sealed record ChartMeasure
{
    /// <summary>sum, avg, min, max, count or countdistinct.</summary>
    public required string Aggregate { get; init; }
    /// <summary>The measured field; left out for count.</summary>
    public string? Field { get; init; }
}
