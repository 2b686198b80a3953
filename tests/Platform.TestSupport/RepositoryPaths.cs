namespace Platform.TestSupport;

/// <summary>Well-known folders of the repository, found from the running test's output directory.</summary>
public static class RepositoryPaths
{
    private const string SolutionFileName = "Platform.sln";

    private static readonly Lazy<string> root = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor of <see cref="AppContext.BaseDirectory"/> containing Platform.sln.</summary>
    public static string Root => root.Value;

    /// <summary><c>&lt;root&gt;/modules</c>.</summary>
    public static string Modules => Path.Combine(Root, "modules");

    private static string FindRoot()
    {
        var start = AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root: no ancestor of '{start}' contains {SolutionFileName}.");
    }
}
