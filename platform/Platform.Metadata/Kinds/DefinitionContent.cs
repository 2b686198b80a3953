using Platform.Metadata.Definitions;

namespace Platform.Metadata.Kinds;

/// <summary>
/// A module's content kind by kind, as the definitions version hashes it and plan compares it: the core kinds' parts,
/// then the stored documents of every other kind — so neither needs to know which kinds a host registered.
/// </summary>
internal static class DefinitionContent
{
    /// <summary>The module's canonical object for the version: core parts by key, then <c>documents</c> when there are any.</summary>
    public static Dictionary<string, object> VersionParts(ModuleDefinition module)
    {
        var parts = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var kind in CoreDocumentKinds.All)
            if (kind.VersionPart(module) is var (key, value)) parts[key] = value;
        // Left out when empty, so definitions of core kinds alone keep the version they always had.
        var stored = module.Documents.Where(d => d.Value.Count > 0).OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(d => d.Key, d => (object)d.Value.OrderBy(s => s.Path, StringComparer.Ordinal).Select(s => new { s.Path, s.Content }).ToList());
        if (stored.Count > 0) parts["documents"] = stored;
        return parts;
    }

    /// <summary>Every file of the module with its kind and canonical content.</summary>
    public static IEnumerable<DefinitionFile> Files(ModuleDefinition module) =>
        CoreDocumentKinds.All.SelectMany(kind => kind.Files(module))
            .Concat(module.Documents.SelectMany(kind => kind.Value.Select(d =>
                new DefinitionFile(kind.Key.Replace('-', ' '), $"{module.Id}/{d.Path}", d.Content.GetRawText()))));
}
