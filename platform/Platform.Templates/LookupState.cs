namespace Platform.Templates;

/// <summary>
/// The related records of one rendering: those loaded so far and those a pass asked for but did not have. Scriban
/// reads members synchronously, so a lookup not loaded yet reads as null and is loaded (asynchronously) before the
/// next pass; a template's output is the one of the pass that asked for nothing new.
/// </summary>
internal sealed class LookupState(bool canLoad)
{
    private readonly Dictionary<(string Entity, Guid Id), RecordScriptObject?> _loaded = new();

    public bool CanLoad { get; } = canLoad;

    public HashSet<(string Entity, Guid Id)> Pending { get; } = [];

    public int LoadedCount => _loaded.Count;

    public bool TryGet(string entity, Guid id, out RecordScriptObject? record) => _loaded.TryGetValue((entity, id), out record);

    public void Add(string entity, Guid id, TemplateRecord? record) =>
        _loaded[(entity, id)] = record is null ? null : new RecordScriptObject(record, this);
}
