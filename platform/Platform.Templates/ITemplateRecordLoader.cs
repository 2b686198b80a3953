namespace Platform.Templates;

/// <summary>
/// Loads the records a template reaches through lookups, as the caller's user may see them (the caller decides
/// permissions and which fields are readable). Only records a template actually touches are loaded.
/// </summary>
public interface ITemplateRecordLoader
{
    /// <summary>The record, or null when it does not exist or may not be read.</summary>
    ValueTask<TemplateRecord?> LoadAsync(string entity, Guid id, CancellationToken ct);
}
