using Platform.Metadata.Definitions;
using Platform.Metadata.Kinds;

namespace Platform.Workflows.Templates;

/// <summary>The template files of a set of modules (a tenant's installed definitions, or the module set being validated).</summary>
public static class ModuleTemplates
{
    public static ModuleTemplateKind Kind { get; } = new();

    /// <summary>The file at <paramref name="path"/> (<c>templates/x.scriban</c>), if one of the modules ships it.</summary>
    public static TextDocument? Find(IEnumerable<ModuleDefinition> modules, string path) =>
        modules.SelectMany(Kind.Documents).FirstOrDefault(d => string.Equals(d.Path, path, StringComparison.Ordinal));
}
