namespace Platform.Metadata.Definitions.Screens;

/// <summary>
/// A list view of an entity's records (views/&lt;id&gt;.json): columns, an OData filter and sort, an optional kanban
/// board and aggregates (charts).
/// </summary>
public sealed record ViewDefinition
{
    /// <summary>The version of the view document format; 1 when left out.</summary>
    public int? SchemaVersion { get; init; }
    public required string Id { get; init; }
    public required string Entity { get; init; }
    public required LocalizedText Label { get; init; }
    public required IReadOnlyList<ViewColumn> Columns { get; init; }
    /// <summary>An OData <c>$filter</c> expression, as the list API takes it.</summary>
    public string? Filter { get; init; }
    public IReadOnlyList<ViewSort> Sort { get; init; } = [];
    public ViewKanban? Kanban { get; init; }
    public IReadOnlyList<ViewAggregate> Aggregates { get; init; } = [];
    /// <summary>The entity's view opened first.</summary>
    public bool Default { get; init; }
}

public sealed record ViewColumn
{
    public required string Field { get; init; }
    /// <summary>Width in pixels.</summary>
    public int? Width { get; init; }
}

public sealed record ViewSort
{
    public required string Field { get; init; }
    /// <summary>asc (when left out) or desc.</summary>
    public string? Direction { get; init; }
}

public sealed record ViewKanban
{
    /// <summary>The choice field whose options are the board's columns.</summary>
    public required string GroupBy { get; init; }
    /// <summary>Fields a card shows under its title, in order.</summary>
    public IReadOnlyList<string> CardFields { get; init; } = [];
}

public sealed record ViewAggregate
{
    public required string Id { get; init; }
    public LocalizedText? Label { get; init; }
    /// <summary>Fields to group by; a date field may be bucketed: <c>close_date:month</c> (day, week, month, quarter, year).</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];
    public required IReadOnlyList<ViewMeasure> Measures { get; init; }
}

public sealed record ViewMeasure
{
    /// <summary>The measured field; left out for a count of records.</summary>
    public string? Field { get; init; }
    /// <summary>sum, avg, min, max, count or countdistinct.</summary>
    public required string Fn { get; init; }
}
