namespace Platform.Templates;

/// <summary>
/// Includes read from a module's <c>templates/</c> folder on disk. Besides the name checks, the resolved full path
/// must stay under the folder (a symbolic link out of it is refused too).
/// </summary>
public sealed class FolderTemplateFiles(string templatesFolder) : ITemplateFiles
{
    private readonly string _root = Path.GetFullPath(templatesFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    public async ValueTask<string?> ReadAsync(string path, CancellationToken ct)
    {
        if (TemplatePaths.Normalize(path, out _) is not { } relative) return null;
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(full)) return null;
        if (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target &&
            !Path.GetFullPath(target.FullName).StartsWith(_root, StringComparison.Ordinal)) return null;
        return await File.ReadAllTextAsync(full, ct);
    }
}
