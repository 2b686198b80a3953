using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.Metadata.Definitions;
using Platform.Metadata.Kinds;

namespace Platform.Metadata.Loading;

/// <summary>Writes a module back to a folder in the layout <see cref="ModuleLoader"/> reads (export, scaffolding).</summary>
public static class ModuleWriter
{
    // DefinitionJson with empty optional lists and maps left out, so exported files look hand-written.
    private static readonly JsonSerializerOptions Options = new(DefinitionJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyCollections } },
    };

    public static Task WriteAsync(ModuleDefinition module, string moduleFolder, CancellationToken cancellationToken = default) =>
        WriteAsync(module, moduleFolder, DocumentKindCatalog.Default, cancellationToken);

    /// <summary>
    /// Writes every kind's documents of the module (module.json, entities, security documents, scripts, forms, views...)
    /// into <paramref name="moduleFolder"/>, and removes document files the module no longer has, so loading the folder
    /// gives back exactly this module.
    /// </summary>
    public static async Task WriteAsync(ModuleDefinition module, string moduleFolder, DocumentKindCatalog kinds, CancellationToken cancellationToken = default)
    {
        foreach (var kind in kinds.Kinds) await kind.WriteAsync(module, moduleFolder, cancellationToken);
    }

    /// <summary>Writes one folder of named documents (created only when there is something to write) and removes stale files.</summary>
    internal static async Task WriteFolderAsync(string moduleFolder, string folder, IEnumerable<(string Name, object Document)> documents, CancellationToken ct)
    {
        var path = Path.Combine(moduleFolder, folder);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, document) in documents)
        {
            Directory.CreateDirectory(path);
            var file = ModuleLayout.DocumentPath(moduleFolder, folder, name);
            written.Add(Path.GetFullPath(file));
            await WriteDocumentAsync(file, document, ct);
        }
        if (!Directory.Exists(path)) return;
        foreach (var stale in Directory.EnumerateFiles(path, "*" + ModuleLayout.DocumentExtension))
        {
            if (!written.Contains(Path.GetFullPath(stale))) File.Delete(stale);
        }
    }

    internal static async Task WriteDocumentAsync(string path, object document, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(document, document.GetType(), Options).ReplaceLineEndings("\n") + "\n";
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
