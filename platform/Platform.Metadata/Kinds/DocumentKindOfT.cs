using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds;

/// <summary>
/// A kind of named JSON documents, one per file in a folder of the module (<c>forms/&lt;id&gt;.json</c>): what a
/// feature project derives from to add a kind. It gives the folder, the document's name and the rules JSON Schema
/// cannot express (<see cref="Check"/>); reading against the schema, duplicate names, export, plan and the
/// definitions version come with it. Its documents are read back with <see cref="Documents(ModuleDefinition)"/> or,
/// cached per definitions version, <see cref="DefinitionSet.Documents{TDocument}"/>.
/// </summary>
/// <typeparam name="TDocument">The document's model, read and written with <see cref="DefinitionJson.Options"/>.</typeparam>
public abstract class DocumentKind<TDocument> : DocumentKind where TDocument : class
{
    /// <summary>The folder in the module holding the documents, e.g. "forms" or "security/roles".</summary>
    public abstract string Folder { get; }

    internal override string? FolderName => Folder;

    /// <summary>The document's name, which its file must be named after (<c>&lt;folder&gt;/&lt;name&gt;.json</c>) and which is unique across the module set.</summary>
    public abstract string NameOf(TDocument document);

    /// <summary>
    /// The kind's rules that JSON Schema cannot check, over every document of the module set — typically references
    /// to entities and fields (<see cref="DocumentValidationContext.CheckEntity"/>). Report each with its file and JSON pointer.
    /// </summary>
    protected virtual IEnumerable<DefinitionError> Check(DocumentValidationContext context, IReadOnlyList<KindDocument<TDocument>> documents) => [];

    /// <summary>The module's documents of this kind, each with the file it came from (or the file it would be).</summary>
    public IReadOnlyList<SourcedDocument<TDocument>> Documents(ModuleDefinition module) => Read(module);

    /// <summary>The module with these documents of this kind in place of the ones it had (modules built in memory, tests).</summary>
    public ModuleDefinition WithDocuments(ModuleDefinition module, IEnumerable<TDocument> documents) =>
        Store(module, documents.Select(d => new SourcedDocument<TDocument>(VirtualFile(module, d), d)).ToList());

    /// <summary>The file name errors use for a document not loaded from a folder: <c>sales/forms/opportunity.json</c>.</summary>
    public string VirtualFile(ModuleDefinition module, TDocument document) =>
        ModuleLayout.VirtualDocumentFile(module.Id, Folder, NameOf(document));

    /// <summary>Where the module keeps these documents: <see cref="ModuleDefinition.Documents"/>, unless a core kind has a property of its own.</summary>
    internal virtual IReadOnlyList<SourcedDocument<TDocument>> Read(ModuleDefinition module) =>
        module.Documents.TryGetValue(Name, out var stored)
            ? stored.Select(d => new SourcedDocument<TDocument>(d.SourceFile ?? $"{module.Id}/{d.Path}",
                d.Content.Deserialize<TDocument>(DefinitionJson.Options) ?? throw new JsonException($"An empty {Title} document in {d.Path}."))).ToList()
            : [];

    internal virtual ModuleDefinition Store(ModuleDefinition module, IReadOnlyList<SourcedDocument<TDocument>> documents)
    {
        var all = new Dictionary<string, IReadOnlyList<StoredDocument>>(module.Documents, StringComparer.Ordinal);
        if (documents.Count == 0) all.Remove(Name);
        else
            all[Name] = documents.Select(d => new StoredDocument(
                $"{Folder}/{NameOf(d.Document)}{ModuleLayout.DocumentExtension}",
                JsonSerializer.SerializeToElement(d.Document, DefinitionJson.Options),
                IsVirtual(module, d) ? null : d.File)).ToList();
        return module with { Documents = all };
    }

    internal override async Task LoadAsync(ModuleLoadContext context, CancellationToken ct)
    {
        var files = KindFiles.In(context.Folder, Folder);
        var reads = await Task.WhenAll(files.Select(file => DocumentReader.ReadAsync<TDocument>(this, file, file, ct)));
        context.Errors.AddRange(reads.SelectMany(r => r.Errors));
        var documents = files.Zip(reads).Where(r => r.Second.Document is not null)
            .Select(r => new SourcedDocument<TDocument>(r.First, r.Second.Document!)).ToList();
        context.Module = Store(context.Module, documents);
    }

    internal override IEnumerable<DefinitionError> Validate(ValidationContext context)
    {
        var documents = Entries(context);
        var errors = new List<DefinitionError>();
        foreach (var (module, file, document) in documents)
        {
            var name = NameOf(document);
            if (module.SourcePath is not null && Path.GetFileNameWithoutExtension(file) != name)
                errors.Add(new DefinitionError(file, JsonPointer.Root, $"the {Title} '{name}' must be in a file named {name}{ModuleLayout.DocumentExtension}"));
        }
        errors.AddRange(documents.GroupBy(d => NameOf(d.Document), StringComparer.Ordinal).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(d => new DefinitionError(d.File, JsonPointer.Root, $"the {Title} '{g.Key}' is also declared in {g.First().File}"))));
        errors.AddRange(Check(new DocumentValidationContext(context), documents));
        return errors;
    }

    /// <summary>Every document of this kind in the module set, with its module and file.</summary>
    internal IReadOnlyList<KindDocument<TDocument>> Entries(ValidationContext context) =>
        context.Modules.SelectMany(m => Read(m).Select(d => new KindDocument<TDocument>(m, string.IsNullOrEmpty(d.File) ? VirtualFile(m, d.Document) : d.File, d.Document))).ToList();

    internal override Task WriteAsync(ModuleDefinition module, string moduleFolder, CancellationToken ct) =>
        ModuleWriter.WriteFolderAsync(moduleFolder, Folder, Read(module).Select(d => (NameOf(d.Document), (object)d.Document)), ct);

    internal override IEnumerable<DefinitionFile> Files(ModuleDefinition module) =>
        Read(module).Select(d => new DefinitionFile(Title, ModuleLayout.VirtualDocumentFile(module.Id, Folder, NameOf(d.Document)), DefinitionJson.Serialize(d.Document)));

    private bool IsVirtual(ModuleDefinition module, SourcedDocument<TDocument> document) =>
        string.IsNullOrEmpty(document.File) || document.File == VirtualFile(module, document.Document);
}
