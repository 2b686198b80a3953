using Platform.Metadata.Loading;

namespace Platform.Metadata.Kinds;

/// <summary>The document files of one folder of a module, in a stable order.</summary>
internal static class KindFiles
{
    public static IReadOnlyList<string> In(string moduleFolder, string folder)
    {
        var path = Path.Combine(moduleFolder, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*" + ModuleLayout.DocumentExtension).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
