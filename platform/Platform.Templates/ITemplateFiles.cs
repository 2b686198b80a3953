namespace Platform.Templates;

/// <summary>
/// The files a template may include: the tenant's module <c>templates/</c> folder, given by the caller. Paths are
/// relative to that folder and already checked by <see cref="TemplatePaths"/> (no absolute paths, no <c>..</c>).
/// </summary>
public interface ITemplateFiles
{
    /// <summary>The template's text, or null when there is no such file.</summary>
    ValueTask<string?> ReadAsync(string path, CancellationToken ct);
}
