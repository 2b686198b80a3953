namespace Platform.Metadata.Definitions.Screens;

/// <summary>
/// The record form of an entity (forms/&lt;id&gt;.json): header fields, tabs of sections of field rows, related
/// lists, the timeline and audit history, and rules the browser evaluates (<see cref="FormCondition"/>, not script).
/// </summary>
public sealed record FormDefinition
{
    /// <summary>The version of the form document format; 1 when left out.</summary>
    public int? SchemaVersion { get; init; }
    public required string Id { get; init; }
    public required string Entity { get; init; }
    public LocalizedText? Label { get; init; }
    /// <summary>Fields highlighted above the tabs, e.g. tier and owner.</summary>
    public IReadOnlyList<string> Header { get; init; } = [];
    public IReadOnlyList<FormTab> Tabs { get; init; } = [];
    public IReadOnlyList<RelatedList> RelatedLists { get; init; } = [];
    /// <summary>Shows the record's activities timeline.</summary>
    public bool Timeline { get; init; }
    /// <summary>Shows the record's audit history (GET .../{id}/audit).</summary>
    public bool AuditHistory { get; init; }
    public IReadOnlyList<FormRule> Rules { get; init; } = [];
    /// <summary>A bar of the stages of a choice field (a sales path), each with its key fields to fill before moving on.</summary>
    public FormStageBar? StageBar { get; init; }

    /// <summary>Every field the form places: header, then rows in order.</summary>
    public IEnumerable<string> PlacedFields() =>
        Header.Concat(Tabs.SelectMany(t => t.Sections).SelectMany(s => s.Rows).SelectMany(r => r));
}

public sealed record FormTab
{
    public required string Id { get; init; }
    public required LocalizedText Label { get; init; }
    public IReadOnlyList<FormSection> Sections { get; init; } = [];
}

public sealed record FormSection
{
    public required string Id { get; init; }
    public LocalizedText? Label { get; init; }
    /// <summary>1 or 2; 2 when left out.</summary>
    public int? Columns { get; init; }
    /// <summary>Rows of field names, one field per column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; } = [];
}

/// <summary>
/// Records related to the form's record: through a many-to-many <see cref="Relation"/> of its entity, or the records
/// of <see cref="Entity"/> whose <see cref="Lookup"/> points to it.
/// </summary>
public sealed record RelatedList
{
    public string? Relation { get; init; }
    public string? Entity { get; init; }
    public string? Lookup { get; init; }
    public LocalizedText? Label { get; init; }
    /// <summary>Fields of the related entity shown as columns.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];
}

/// <summary>While <see cref="When"/> holds, the fields listed become visible (hidden otherwise), required or read-only.</summary>
public sealed record FormRule
{
    public required FormCondition When { get; init; }
    public IReadOnlyList<string>? Visible { get; init; }
    public IReadOnlyList<string>? Required { get; init; }
    public IReadOnlyList<string>? ReadOnly { get; init; }

    public IEnumerable<(string Property, IReadOnlyList<string> Fields)> Targets()
    {
        if (Visible is { } visible) yield return ("visible", visible);
        if (Required is { } required) yield return ("required", required);
        if (ReadOnly is { } readOnly) yield return ("readOnly", readOnly);
    }
}

public sealed record FormStageBar
{
    /// <summary>The choice field whose options, in order, are the stages.</summary>
    public required string Field { get; init; }
    /// <summary>Per option value: the stage's key fields; an option left out is a stage without key fields.</summary>
    public IReadOnlyDictionary<string, FormStage> Stages { get; init; } = new Dictionary<string, FormStage>();
}

public sealed record FormStage
{
    /// <summary>Shown with the stage while it is current; each must be filled before the record moves to a later stage.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
