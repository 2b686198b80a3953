namespace Platform.Metadata.Tests;

/// <summary>The module folders under Fixtures/, as copied to the test output.</summary>
internal static class FixturePaths
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The module folders of one fixture, in name order.</summary>
    public static IReadOnlyList<string> ModuleFolders(string fixture) =>
        Directory.GetDirectories(Path.Combine(Root, fixture)).Order(StringComparer.Ordinal).ToList();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
