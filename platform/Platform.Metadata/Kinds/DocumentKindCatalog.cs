namespace Platform.Metadata.Kinds;

/// <summary>
/// The document kinds a host or the CLI knows: the core kinds, then the standard ones (forms, views), then those
/// registered by features, in registration order. The host builds it from DI (<see cref="DocumentKindServices"/>); code
/// without a host uses <see cref="Default"/> or builds one with the same registrations.
/// </summary>
public sealed class DocumentKindCatalog
{
    /// <summary>The kinds Platform.Metadata itself provides.</summary>
    public static DocumentKindCatalog Default { get; } = new([]);

    /// <param name="registered">Kinds added by features; a kind already present (the same type) is taken once.</param>
    /// <exception cref="ArgumentException">Two kinds share a name or a folder.</exception>
    public DocumentKindCatalog(IEnumerable<DocumentKind> registered)
    {
        var kinds = new List<DocumentKind>();
        foreach (var kind in CoreDocumentKinds.All.Concat(StandardDocumentKinds.All).Concat(registered))
        {
            if (kinds.Any(k => k.GetType() == kind.GetType())) continue;
            if (kinds.FirstOrDefault(k => k.Name == kind.Name) is { } sameName)
                throw new ArgumentException($"The document kinds {sameName.GetType().Name} and {kind.GetType().Name} are both named '{kind.Name}'.", nameof(registered));
            if (FolderOf(kind) is { } folder && kinds.FirstOrDefault(k => FolderOf(k) == folder) is { } sameFolder)
                throw new ArgumentException($"The document kinds '{sameFolder.Name}' and '{kind.Name}' both read the folder '{folder}'.", nameof(registered));
            kinds.Add(kind);
        }
        Kinds = kinds;
    }

    /// <summary>Every kind, in the order modules load them.</summary>
    public IReadOnlyList<DocumentKind> Kinds { get; }

    /// <summary>The kind of that name ("entity", "form"), if known.</summary>
    public DocumentKind? Find(string name) => Kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string? FolderOf(DocumentKind kind) => kind.FolderName;
}
