namespace Platform.Workflows.Tests.Support;

/// <summary>Module folders written by a test into a temp folder (removed with it), for modules whose content the test varies.</summary>
public sealed class ModuleFolders : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("platform-modules-").FullName;

    /// <summary>Writes a module depending on crm-core and sales, with the given files (path in the module folder to text); returns its folder.</summary>
    public string Write(string id, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(_root, $"{id}-{Guid.NewGuid():N}", id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"),
            $$"""{ "id": "{{id}}", "version": "1.0.0", "dependsOn": { "crm-core": "^1.0.0", "sales": "^1.0.0" } }""");
        foreach (var (path, text) in files)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
    }
}
