using Platform.Metadata.Definitions.Security;
using Platform.Metadata.Kinds;

namespace Platform.Metadata.Definitions;

/// <summary>The module.json manifest of a module folder.</summary>
public sealed record ModuleManifest
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public LocalizedText? Label { get; init; }
    public LocalizedText? Description { get; init; }
    /// <summary>Module id to version range (npm style: "^1.2.0", "~1.2", ">=1.0.0 <2.0.0", or NuGet style "[1.0,2.0)").</summary>
    public IReadOnlyDictionary<string, string> DependsOn { get; init; } = new Dictionary<string, string>();
    /// <summary>Library name to script file (relative to the module root); other scripts of the tenant use it with require(name).</summary>
    public IReadOnlyDictionary<string, string>? Libraries { get; init; }
    /// <summary>The tenant's overrides of the platform's script limits.</summary>
    public ScriptLimitSettings? ScriptLimits { get; init; }
    /// <summary>The module's navigation entries in the app; null gives every entity of the module in order.</summary>
    public Screens.AppDefinition? App { get; init; }
}

/// <summary>A loaded module: its manifest and documents, each remembered with the file it came from.</summary>
public sealed record ModuleDefinition
{
    public required ModuleManifest Manifest { get; init; }
    public IReadOnlyList<SourcedDocument<EntityDefinition>> Entities { get; init; } = [];
    public IReadOnlyList<SourcedDocument<RoleDefinition>> Roles { get; init; } = [];
    public IReadOnlyList<SourcedDocument<TeamDefinition>> Teams { get; init; } = [];
    public IReadOnlyList<SourcedDocument<BusinessUnitDefinition>> BusinessUnits { get; init; } = [];
    /// <summary>
    /// Script files referenced by the module's documents, path (relative to the module root) to text. Part of the
    /// definitions, so script text is versioned in schema history and exported with the module.
    /// </summary>
    public IReadOnlyDictionary<string, string> Scripts { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The documents of every kind other than the core ones (forms, views, and kinds features register), by kind name,
    /// as canonical JSON: schema history keeps them and the definitions version covers them without knowing their
    /// models. Read them through their kind (<see cref="DocumentKind{TDocument}.Documents(ModuleDefinition)"/>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StoredDocument>> Documents { get; init; } =
        new Dictionary<string, IReadOnlyList<StoredDocument>>();

    /// <summary>The folder it was loaded from, if any.</summary>
    public string? SourcePath { get; init; }

    public string Id => Manifest.Id;
}

/// <summary>A document with the path of the file that declared it, so errors can name the file.</summary>
public sealed record SourcedDocument<T>(string File, T Document);
