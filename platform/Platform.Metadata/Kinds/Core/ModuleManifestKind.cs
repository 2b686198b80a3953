using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds.Core;

/// <summary>module.json: the module's id, version, dependencies and libraries. A module whose manifest fails is not installed.</summary>
internal sealed class ModuleManifestKind : DocumentKind
{
    public override string Name => "module";

    internal override async Task LoadAsync(ModuleLoadContext context, CancellationToken ct)
    {
        var file = ModuleLayout.ManifestPath(context.Folder);
        var read = await DocumentReader.ReadAsync<ModuleManifest>(this, file, file, ct);
        context.Errors.AddRange(read.Errors);
        context.ManifestJson = read.Json;
        if (read.Document is null) return;
        context.ManifestLoaded = true;
        context.Module = context.Module with { Manifest = read.Document };
    }

    internal override IEnumerable<DefinitionError> Validate(ValidationContext context) => ModuleRules.Check(context).Concat(NavigationRules.Check(context));

    internal override async Task WriteAsync(ModuleDefinition module, string moduleFolder, CancellationToken ct)
    {
        Directory.CreateDirectory(moduleFolder);
        await ModuleWriter.WriteDocumentAsync(ModuleLayout.ManifestPath(moduleFolder), module.Manifest, ct);
    }

    internal override IEnumerable<DefinitionFile> Files(ModuleDefinition module) =>
        [new DefinitionFile(Title, ModuleLayout.VirtualManifestFile(module.Id), DefinitionJson.Serialize(module.Manifest))];

    internal override (string Key, object Value)? VersionPart(ModuleDefinition module) => ("manifest", module.Manifest);
}
