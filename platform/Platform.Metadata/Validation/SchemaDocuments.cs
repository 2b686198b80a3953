using System.Collections.Concurrent;

namespace Platform.Metadata.Validation;

/// <summary>The JSON Schemas of the definition documents, as embedded from /schemas (e.g. to serve them to editors).</summary>
public static class SchemaDocuments
{
    private static readonly ConcurrentDictionary<DocumentKind, string> Texts = new();

    /// <summary>The kinds by their URL/file name: "module", "entity", "role", "team", "business-unit".</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<DocumentKind>().Select(NameOf).ToList();

    public static string NameOf(DocumentKind kind) => kind == DocumentKind.BusinessUnit ? "business-unit" : kind.ToString().ToLowerInvariant();

    /// <summary>The file name in /schemas, e.g. "entity.schema.json".</summary>
    public static string FileNameOf(DocumentKind kind) => $"{NameOf(kind)}.schema.json";

    public static string GetText(DocumentKind kind) => Texts.GetOrAdd(kind, Read);

    /// <summary>Looks a schema up by name ("entity", "module"), case-insensitively.</summary>
    public static bool TryGetText(string name, out string text)
    {
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            if (!string.Equals(NameOf(kind), name, StringComparison.OrdinalIgnoreCase)) continue;
            text = GetText(kind);
            return true;
        }
        text = "";
        return false;
    }

    private static string Read(DocumentKind kind)
    {
        var resource = $"schemas/{FileNameOf(kind)}";
        using var stream = typeof(SchemaDocuments).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"The embedded schema '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
