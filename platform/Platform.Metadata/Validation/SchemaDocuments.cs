using System.Collections.Concurrent;
using Platform.Metadata.FieldTypes;
using Platform.Metadata.Kinds;

namespace Platform.Metadata.Validation;

/// <summary>The JSON Schemas of the document kinds, as embedded from /schemas (e.g. to serve them to editors).</summary>
public static class SchemaDocuments
{
    private static readonly ConcurrentDictionary<string, string> Texts = new();

    /// <summary>The default catalogue's kinds with a schema, by name: "module", "entity", "role", "team", "business-unit", "form", "view".</summary>
    public static IReadOnlyList<string> Names { get; } = DocumentKindCatalog.Default.Kinds.Where(k => k.SchemaFile is not null).Select(k => k.Name).ToList();

    public static string NameOf(DocumentKind kind) => kind.Name;

    /// <summary>The file name in /schemas, e.g. "entity.schema.json".</summary>
    public static string FileNameOf(DocumentKind kind) =>
        kind.SchemaFile ?? throw new InvalidOperationException($"The document kind '{kind.Name}' has no JSON Schema.");

    public static string GetText(DocumentKind kind) => Texts.GetOrAdd(FileNameOf(kind), _ => Read(kind));

    /// <summary>Looks a schema up by kind name ("entity", "module") in the default catalogue, case-insensitively.</summary>
    public static bool TryGetText(string name, out string text) => TryGetText(DocumentKindCatalog.Default, name, out text);

    /// <summary>Looks a schema up by kind name in <paramref name="kinds"/>, case-insensitively.</summary>
    public static bool TryGetText(DocumentKindCatalog kinds, string name, out string text)
    {
        if (kinds.Find(name) is { SchemaFile: not null } kind)
        {
            text = GetText(kind);
            return true;
        }
        text = "";
        return false;
    }

    /// <summary>
    /// As <see cref="TryGetText(string, out string)"/>, for serving: the entity schema names <paramref name="registry"/>'s
    /// field types (plugins' too) in its type enum and rules, as the validator applies it.
    /// </summary>
    public static bool TryGetServedText(string name, FieldTypeRegistry registry, out string text)
    {
        if (!TryGetText(name, out text)) return false;
        if (DocumentKindCatalog.Default.Find(name) is { } kind && ListsFieldTypes(kind)) text = EntitySchemaFieldTypes.Apply(text, registry.All);
        return true;
    }

    /// <summary>The schema whose type enum and per-type rules come from the field-type registry.</summary>
    internal static bool ListsFieldTypes(DocumentKind kind) => kind.SchemaFile == "entity.schema.json";

    private static string Read(DocumentKind kind)
    {
        var resource = $"schemas/{FileNameOf(kind)}";
        using var stream = kind.SchemaAssembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"The embedded schema '{resource}' is missing from {kind.SchemaAssembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
