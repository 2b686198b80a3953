namespace Platform.Metadata.Definitions;

/// <summary>Script files (relative to the module root) run around record writes of one entity.</summary>
public sealed record EntityHooks
{
    public string? BeforeSave { get; init; }
    public string? AfterSave { get; init; }
    public string? BeforeDelete { get; init; }
    public string? AfterDelete { get; init; }

    /// <summary>Every hook that is set, with its JSON property name (for error pointers).</summary>
    public IEnumerable<(string Hook, string Path)> All()
    {
        if (BeforeSave is not null) yield return ("beforeSave", BeforeSave);
        if (AfterSave is not null) yield return ("afterSave", AfterSave);
        if (BeforeDelete is not null) yield return ("beforeDelete", BeforeDelete);
        if (AfterDelete is not null) yield return ("afterDelete", AfterDelete);
    }
}
