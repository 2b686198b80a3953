namespace Platform.Templates;

/// <summary>
/// Checks the names templates include: relative to the module's <c>templates/</c> folder, forward slashes, no empty,
/// <c>.</c> or <c>..</c> segments, nothing rooted (<c>/x</c>, <c>C:x</c>, <c>\\server</c>), so an include cannot reach
/// outside that folder whatever the caller's <see cref="ITemplateFiles"/> does with the path.
/// </summary>
public static class TemplatePaths
{
    private const string Folder = "templates/";
    private const int MaxLength = 200;

    /// <summary>The path inside the templates folder (a leading <c>templates/</c> is accepted and removed), or null with the reason.</summary>
    public static string? Normalize(string name, out string? refusal)
    {
        refusal = null;
        var path = name.Trim();
        if (path.StartsWith(Folder, StringComparison.Ordinal)) path = path[Folder.Length..];
        if (path.Length == 0) refusal = "the name is empty";
        else if (path.Length > MaxLength) refusal = $"the name is longer than {MaxLength} characters";
        else if (path[0] == '/' || path.Contains('\\') || path.Contains(':') || Path.IsPathRooted(path)) refusal = "absolute paths are not allowed";
        else if (path.Split('/').Any(s => s is "" or "." or "..")) refusal = "'..', '.' and empty path segments are not allowed";
        else if (path.Any(c => char.IsControl(c))) refusal = "the name contains control characters";
        return refusal is null ? path : null;
    }
}
