namespace Platform.Metadata.Kinds;

/// <summary>One file of a module's definitions as plan compares it.</summary>
/// <param name="What">The kind's title, e.g. "role" or "business unit".</param>
/// <param name="Path">The module id, then the file's path in the module folder: <c>sales/forms/opportunity.json</c>.</param>
/// <param name="Content">The canonical content: equal documents have equal content.</param>
internal sealed record DefinitionFile(string What, string Path, string Content);
