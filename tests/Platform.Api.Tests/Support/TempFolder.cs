namespace Platform.Api.Tests.Support;

/// <summary>A temporary folder deleted on dispose, for module folders a test writes.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("platform-api-modules-").FullName;

    /// <summary>Writes a file below the folder (creating its directories) and returns the folder it went into.</summary>
    public string Write(string relativePath, string content)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return System.IO.Path.GetDirectoryName(file)!;
    }

    /// <summary>Copies a folder tree into this folder under <paramref name="name"/>.</summary>
    public string Copy(string source, string name)
    {
        var target = System.IO.Path.Combine(Path, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
