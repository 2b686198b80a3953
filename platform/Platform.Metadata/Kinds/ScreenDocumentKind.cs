namespace Platform.Metadata.Kinds;

/// <summary>
/// A kind of screen document (forms, views, dashboards): <c>&lt;name&gt;s/&lt;id&gt;.json</c>, each document named by its
/// id, read, schema-checked, written and versioned as every <see cref="DocumentKind{TDocument}"/>; a kind adds only
/// its checks across the module set.
/// </summary>
public abstract class ScreenDocumentKind<TDocument>(string name, Func<TDocument, string> idOf) : DocumentKind<TDocument>
    where TDocument : class
{
    public sealed override string Name => name;

    public sealed override string Folder => name + "s";

    public sealed override string NameOf(TDocument document) => idOf(document);
}
