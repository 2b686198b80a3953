using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds;

/// <summary>
/// A kind of text files in a folder of the module (<c>templates/**/*.scriban</c>): what a feature project derives from
/// when its documents are not JSON. Files are kept as text in <see cref="ModuleDefinition.Documents"/>, so they are
/// installed with the module, counted in the definitions version, planned and exported like any stored document; the
/// kind adds the checks of its own syntax (<see cref="Check"/>). Line endings are normalised to <c>\n</c> so the version
/// does not depend on the machine that read the folder.
/// </summary>
public abstract class TextDocumentKind : DocumentKind
{
    /// <summary>The folder in the module holding the files, searched with its subfolders, e.g. "templates".</summary>
    public abstract string Folder { get; }

    /// <summary>The files' extension with its dot, e.g. ".scriban"; other files in the folder are not read.</summary>
    public abstract string Extension { get; }

    public override string? SchemaFile => null;

    internal override string? FolderName => Folder;

    /// <summary>The kind's rules over every file of the module set; report each with its file (and <see cref="JsonPointer.Root"/>).</summary>
    protected virtual IEnumerable<DefinitionError> Check(DocumentValidationContext context, IReadOnlyList<TextDocument> documents) => [];

    /// <summary>The module's files of this kind, by their path in the module folder (<c>templates/welcome.scriban</c>).</summary>
    public IReadOnlyList<TextDocument> Documents(ModuleDefinition module) =>
        module.Documents.TryGetValue(Name, out var stored)
            ? stored.Select(d => new TextDocument(module.Id, d.Path, d.Content.GetString() ?? "", d.SourceFile ?? $"{module.Id}/{d.Path}")).ToList()
            : [];

    /// <summary>The module with these files (path in the module folder, text) in place of the ones it had (modules built in memory, tests).</summary>
    public ModuleDefinition WithDocuments(ModuleDefinition module, IEnumerable<(string Path, string Text)> files) =>
        Store(module, files.Select(f => new StoredDocument(f.Path, JsonSerializer.SerializeToElement(Normalize(f.Text)))).ToList());

    internal override async Task LoadAsync(ModuleLoadContext context, CancellationToken ct)
    {
        var root = Path.Combine(context.Folder, Folder);
        if (!Directory.Exists(root)) return;
        var documents = new List<StoredDocument>();
        foreach (var file in Directory.EnumerateFiles(root, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = Folder + "/" + Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            documents.Add(new StoredDocument(path, JsonSerializer.SerializeToElement(Normalize(await File.ReadAllTextAsync(file, ct))), file));
        }
        context.Module = Store(context.Module, documents);
    }

    internal override IEnumerable<DefinitionError> Validate(ValidationContext context)
    {
        var documents = context.Modules.SelectMany(Documents).ToList();
        var errors = documents.GroupBy(d => d.Path, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(d => new DefinitionError(d.File, JsonPointer.Root,
                $"the {Title} '{g.Key}' is also shipped by the module '{g.First().Module}' ({g.First().File}); a tenant has one file per path")))
            .ToList();
        errors.AddRange(Check(new DocumentValidationContext(context), documents));
        return errors;
    }

    internal override async Task WriteAsync(ModuleDefinition module, string moduleFolder, CancellationToken ct)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in Documents(module))
        {
            var file = Path.GetFullPath(Path.Combine(moduleFolder, document.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, document.Text, ct);
            written.Add(file);
        }
        var root = Path.Combine(moduleFolder, Folder);
        if (!Directory.Exists(root)) return;
        foreach (var stale in Directory.EnumerateFiles(root, "*" + Extension, SearchOption.AllDirectories))
            if (!written.Contains(Path.GetFullPath(stale))) File.Delete(stale);
    }

    internal override IEnumerable<DefinitionFile> Files(ModuleDefinition module) =>
        Documents(module).Select(d => new DefinitionFile(Title, $"{module.Id}/{d.Path}", d.Text));

    private ModuleDefinition Store(ModuleDefinition module, IReadOnlyList<StoredDocument> documents)
    {
        var all = new Dictionary<string, IReadOnlyList<StoredDocument>>(module.Documents, StringComparer.Ordinal);
        if (documents.Count == 0) all.Remove(Name);
        else all[Name] = documents;
        return module with { Documents = all };
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");
}

/// <summary>One text file of a <see cref="TextDocumentKind"/>.</summary>
/// <param name="Module">The id of the module that ships it.</param>
/// <param name="Path">Its path in the module folder, e.g. <c>templates/welcome.scriban</c>.</param>
/// <param name="File">The file it was loaded from (or <c>module/path</c>), for error messages.</param>
public sealed record TextDocument(string Module, string Path, string Text, string File);
