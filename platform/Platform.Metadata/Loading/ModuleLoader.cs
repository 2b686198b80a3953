using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>
/// Loads one module folder: module.json, entities/*.json, the scripts/*.js files entities reference and security/ documents. Other folders
/// (forms/, views/, workflows/, templates/, data/) belong to later features and are left alone.
/// </summary>
public static class ModuleLoader
{
    public static async Task<ModuleLoadResult> LoadAsync(string moduleFolder, CancellationToken cancellationToken = default)
    {
        var manifestFile = ModuleLayout.ManifestPath(moduleFolder);
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(moduleFolder));
        if (!Directory.Exists(moduleFolder))
            return Failed(manifestFile, $"the module folder '{moduleFolder}' does not exist", folderName);
        if (!File.Exists(manifestFile))
            return Failed(manifestFile, $"'{ModuleLayout.ManifestFile}' is missing; every module folder needs one", folderName);

        var manifestRead = DocumentReader.ReadAsync<ModuleManifest>(DocumentKind.Module, manifestFile, manifestFile, cancellationToken);
        var entityFiles = EntityFiles(moduleFolder).ToList();
        var entityReads = await Task.WhenAll(entityFiles.Select(file =>
            DocumentReader.ReadAsync<EntityDefinition>(DocumentKind.Entity, file, file, cancellationToken)));
        var manifest = await manifestRead;

        var errors = manifest.Errors.Concat(entityReads.SelectMany(r => r.Errors)).ToList();
        var entities = entityFiles.Zip(entityReads)
            .Where(e => e.Second.Document is not null)
            .Select(e => new SourcedDocument<EntityDefinition>(e.First, e.Second.Document!))
            .ToList();
        // A document that parsed but failed its schema is still checked by the semantic rules, as far as it can be read.
        var salvaged = entityFiles.Zip(entityReads)
            .Where(e => e.Second is { Document: null, Json: { } })
            .Select(e => EntitySalvage.Salvage(e.First, e.Second.Json!, e.Second.Errors))
            .OfType<SalvagedEntity>()
            .ToList();
        var brokenEntities = entityFiles.Zip(entityReads)
            .Where(e => e.Second.Document is null && salvaged.All(s => s.File != e.First))
            .Select(e => Path.GetFileNameWithoutExtension(e.First))
            .ToList();

        if (manifest.Document is null)
        {
            var id = manifest.Json?["id"] is { } idNode && idNode.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? idNode.GetValue<string>()
                : folderName;
            return new ModuleLoadResult(null, errors, id,
                [.. brokenEntities, .. entities.Select(e => e.Document.Name), .. salvaged.Select(e => Path.GetFileNameWithoutExtension(e.File))]);
        }
        var (scripts, scriptErrors) = await ModuleScripts.LoadAsync(moduleFolder, manifest.Document, entities, cancellationToken);
        errors.AddRange(scriptErrors);
        var security = await ModuleSecurityDocuments.LoadAsync(moduleFolder, cancellationToken);
        errors.AddRange(security.Errors);
        var module = new ModuleDefinition
        {
            Manifest = manifest.Document, Entities = entities, Scripts = scripts, SourcePath = moduleFolder,
            Roles = security.Roles, Teams = security.Teams, BusinessUnits = security.BusinessUnits,
        };
        return new ModuleLoadResult(module, errors, null, brokenEntities) { Salvaged = salvaged };
    }

    private static IEnumerable<string> EntityFiles(string moduleFolder)
    {
        var folder = Path.Combine(moduleFolder, ModuleLayout.EntitiesFolder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + ModuleLayout.DocumentExtension).Order(StringComparer.Ordinal)
            : [];
    }

    private static ModuleLoadResult Failed(string file, string message, string moduleId) =>
        new(null, [new DefinitionError(file, JsonPointer.Root, message)], moduleId, []);
}
