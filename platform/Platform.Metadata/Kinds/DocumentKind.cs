using System.Reflection;
using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds;

/// <summary>
/// A kind of definition document a module folder holds — module.json, entities, security documents, scripts, forms,
/// views, and whatever a feature project adds: where its files live, its JSON Schema, how it is read, checked across the
/// module set, written back by <c>export</c>, compared by <c>plan</c> and counted in the definitions version. Registering
/// one (<see cref="DocumentKindServices.AddDocumentKind{TKind}"/>) is all it takes to add a kind. Feature projects
/// derive from <see cref="DocumentKind{TDocument}"/>; the loading and versioning members are internal because the
/// module set stores a feature's documents for it (<see cref="ModuleDefinition.Documents"/>).
/// </summary>
public abstract class DocumentKind
{
    private protected DocumentKind()
    {
    }

    /// <summary>
    /// The kind's name, lowercase with hyphens: its schema is <c>&lt;name&gt;.schema.json</c>, plan names its files
    /// (<c>FORM ADDED: sales/forms/opportunity.json</c>) and feature documents are stored under it.
    /// </summary>
    public abstract string Name { get; }

    /// <summary>What a document of this kind is called in messages, e.g. "business unit".</summary>
    public string Title => Name.Replace('-', ' ');

    /// <summary>The JSON Schema's file name, embedded as <c>schemas/&lt;file&gt;</c> in <see cref="SchemaAssembly"/>; null for a kind without one (scripts).</summary>
    public virtual string? SchemaFile => $"{Name}.schema.json";

    /// <summary>The assembly that embeds the schema: by default the kind's own, so a feature project ships its schema with it.</summary>
    public virtual Assembly SchemaAssembly => GetType().Assembly;

    /// <summary>The module folder's subfolder the kind reads, if it has one of its own.</summary>
    internal virtual string? FolderName => null;

    /// <summary>Reads the kind's files of one module folder into the module being loaded, reporting every error.</summary>
    internal abstract Task LoadAsync(ModuleLoadContext context, CancellationToken ct);

    /// <summary>What JSON Schema cannot check: names across modules and references to other documents.</summary>
    internal abstract IEnumerable<DefinitionError> Validate(ValidationContext context);

    /// <summary>Writes the module's documents of this kind into a module folder and removes stale files of the kind.</summary>
    internal abstract Task WriteAsync(ModuleDefinition module, string moduleFolder, CancellationToken ct);

    /// <summary>The module's files of this kind with their canonical content, for plan's list of changed definition files.</summary>
    internal abstract IEnumerable<DefinitionFile> Files(ModuleDefinition module);

    /// <summary>
    /// The kind's part of a module in the definitions version (a SHA-256 of the canonical JSON of every part), or
    /// null when the module's documents of this kind are stored in <see cref="ModuleDefinition.Documents"/>, which the
    /// version covers as a whole.
    /// </summary>
    internal virtual (string Key, object Value)? VersionPart(ModuleDefinition module) => null;

    public override string ToString() => Name;
}
