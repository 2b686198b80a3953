using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>
/// Loads one module folder: each document kind of the catalogue in turn (module.json, entities/*.json, security/
/// documents, the scripts/*.js files entities reference, forms/, views/, and the kinds features register) reads its
/// files. Folders no kind reads (data/, templates/ until a kind claims them) are left alone.
/// </summary>
public static class ModuleLoader
{
    public static Task<ModuleLoadResult> LoadAsync(string moduleFolder, CancellationToken cancellationToken = default) =>
        LoadAsync(moduleFolder, DocumentKindCatalog.Default, cancellationToken);

    public static async Task<ModuleLoadResult> LoadAsync(string moduleFolder, DocumentKindCatalog kinds, CancellationToken cancellationToken = default)
    {
        var manifestFile = ModuleLayout.ManifestPath(moduleFolder);
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(moduleFolder));
        if (!Directory.Exists(moduleFolder))
            return Failed(manifestFile, $"the module folder '{moduleFolder}' does not exist", folderName);
        if (!File.Exists(manifestFile))
            return Failed(manifestFile, $"'{ModuleLayout.ManifestFile}' is missing; every module folder needs one", folderName);

        var context = new ModuleLoadContext(moduleFolder, folderName);
        foreach (var kind in kinds.Kinds) await kind.LoadAsync(context, cancellationToken);

        if (!context.ManifestLoaded)
        {
            var id = context.ManifestJson?["id"] is { } idNode && idNode.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? idNode.GetValue<string>()
                : folderName;
            return new ModuleLoadResult(null, context.Errors, id,
                [.. context.BrokenEntities, .. context.Module.Entities.Select(e => e.Document.Name), .. context.Salvaged.Select(e => Path.GetFileNameWithoutExtension(e.File))]);
        }
        return new ModuleLoadResult(context.Module, context.Errors, null, context.BrokenEntities) { Salvaged = context.Salvaged };
    }

    private static ModuleLoadResult Failed(string file, string message, string moduleId) =>
        new(null, [new DefinitionError(file, JsonPointer.Root, message)], moduleId, []);
}
