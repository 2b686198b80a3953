using Platform.Metadata.Definitions;
using Platform.Metadata.Kinds;

namespace Platform.Metadata.Validation;

/// <summary>
/// Semantic validation of a module set: what JSON Schema cannot express (names across documents, references,
/// dependencies, defaults against options). Works on modules built in memory too; their errors name virtual files
/// such as <c>sales/entities/opportunity.json</c>.
/// </summary>
public static class DefinitionValidator
{
    public static IReadOnlyList<DefinitionError> Validate(IReadOnlyList<ModuleDefinition> modules) =>
        Validate(modules, UnloadedDefinitions.None, DocumentKindCatalog.Default);

    /// <summary>Validates the modules with the rules of every kind of <paramref name="kinds"/>.</summary>
    public static IReadOnlyList<DefinitionError> Validate(IReadOnlyList<ModuleDefinition> modules, DocumentKindCatalog kinds) =>
        Validate(modules, UnloadedDefinitions.None, kinds);

    internal static IReadOnlyList<DefinitionError> Validate(IReadOnlyList<ModuleDefinition> modules, UnloadedDefinitions unloaded, DocumentKindCatalog kinds)
    {
        var context = new ValidationContext(modules, unloaded);
        var errors = kinds.Kinds.SelectMany(kind => kind.Validate(context));
        // Group by file, keeping each file's first appearance, so a reader works through one file at a time.
        return errors.GroupBy(e => e.File).SelectMany(g => g).ToList();
    }
}
