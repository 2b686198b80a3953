using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.Loading;

/// <summary>Writes a module back to a folder in the layout <see cref="ModuleLoader"/> reads (export, scaffolding).</summary>
public static class ModuleWriter
{
    // DefinitionJson with empty optional lists and maps left out, so exported files look hand-written.
    private static readonly JsonSerializerOptions Options = new(DefinitionJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyCollections } },
    };

    /// <summary>
    /// Writes module.json, entities/&lt;name&gt;.json, security/ documents and the module's scripts into <paramref name="moduleFolder"/>, and removes entity files
    /// of entities the module no longer has, so loading the folder gives back exactly this module.
    /// </summary>
    public static async Task WriteAsync(ModuleDefinition module, string moduleFolder, CancellationToken cancellationToken = default)
    {
        var entitiesFolder = Path.Combine(moduleFolder, ModuleLayout.EntitiesFolder);
        Directory.CreateDirectory(entitiesFolder);
        await WriteDocumentAsync(ModuleLayout.ManifestPath(moduleFolder), module.Manifest, cancellationToken);

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in module.Entities.Select(e => e.Document))
        {
            var path = ModuleLayout.EntityPath(moduleFolder, entity.Name);
            written.Add(Path.GetFullPath(path));
            await WriteDocumentAsync(path, entity, cancellationToken);
        }
        foreach (var (path, code) in module.Scripts)
        {
            var file = Path.Combine(moduleFolder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, code, cancellationToken);
        }
        foreach (var stale in Directory.EnumerateFiles(entitiesFolder, "*" + ModuleLayout.DocumentExtension))
        {
            if (!written.Contains(Path.GetFullPath(stale))) File.Delete(stale);
        }
        await WriteFolderAsync(moduleFolder, ModuleLayout.RolesFolder, module.Roles.Select(r => (r.Document.Name, (object)r.Document)), cancellationToken);
        await WriteFolderAsync(moduleFolder, ModuleLayout.TeamsFolder, module.Teams.Select(t => (t.Document.Name, (object)t.Document)), cancellationToken);
        await WriteFolderAsync(moduleFolder, ModuleLayout.BusinessUnitsFolder, module.BusinessUnits.Select(b => (b.Document.Name, (object)b.Document)), cancellationToken);
    }

    /// <summary>Writes one folder of named documents (created only when there is something to write) and removes stale files.</summary>
    private static async Task WriteFolderAsync(string moduleFolder, string folder, IEnumerable<(string Name, object Document)> documents, CancellationToken ct)
    {
        var path = Path.Combine(moduleFolder, folder);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, document) in documents)
        {
            Directory.CreateDirectory(path);
            var file = ModuleLayout.DocumentPath(moduleFolder, folder, name);
            written.Add(Path.GetFullPath(file));
            var json = JsonSerializer.Serialize(document, document.GetType(), Options).ReplaceLineEndings("\n") + "\n";
            await File.WriteAllTextAsync(file, json, ct);
        }
        if (!Directory.Exists(path)) return;
        foreach (var stale in Directory.EnumerateFiles(path, "*" + ModuleLayout.DocumentExtension))
        {
            if (!written.Contains(Path.GetFullPath(stale))) File.Delete(stale);
        }
    }

    private static async Task WriteDocumentAsync<T>(string path, T document, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(document, Options).ReplaceLineEndings("\n") + "\n";
        await File.WriteAllTextAsync(path, json, cancellationToken);
    }

    private static void OmitEmptyCollections(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            var declared = property.PropertyType;
            // Required members must be written even when empty, or the document would not read back.
            if (!declared.IsGenericType || property.IsRequired) continue;
            var definition = declared.GetGenericTypeDefinition();
            if (definition != typeof(IReadOnlyList<>) && definition != typeof(IReadOnlyDictionary<,>)) continue;
            // ShouldSerialize replaces the options' null handling, so nulls are left out here too.
            property.ShouldSerialize = (_, value) => value is not (null or ICollection { Count: 0 });
        }
    }
}
