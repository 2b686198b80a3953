using Platform.Metadata.Definitions;
using Platform.Templates;
using Platform.Workflows.Templates;

namespace Platform.Workflows.Effects;

/// <summary>
/// The template files of one tenant's installed modules (<see cref="ModuleTemplateKind"/>), for file references and
/// includes: read from the tenant's definitions, never from disk or another tenant's modules.
/// </summary>
public sealed class InstalledTemplateFiles(DefinitionSet definitions) : ITemplateFiles
{
    public ValueTask<string?> ReadAsync(string path, CancellationToken ct) =>
        ValueTask.FromResult(TemplatePaths.Normalize(path, out _) is { } relative
            ? ModuleTemplates.Find(definitions.Modules, $"{TemplateReference.Folder}/{relative}")?.Text
            : null);
}
