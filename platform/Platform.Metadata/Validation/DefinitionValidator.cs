using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>
/// Semantic validation of a module set: what JSON Schema cannot express (names across documents, references,
/// dependencies, defaults against options). Works on modules built in memory too; their errors name virtual files
/// such as <c>sales/entities/opportunity.json</c>.
/// </summary>
public static class DefinitionValidator
{
    public static IReadOnlyList<DefinitionError> Validate(IReadOnlyList<ModuleDefinition> modules) =>
        Validate(modules, UnloadedDefinitions.None);

    internal static IReadOnlyList<DefinitionError> Validate(IReadOnlyList<ModuleDefinition> modules, UnloadedDefinitions unloaded)
    {
        var context = new ValidationContext(modules, unloaded);
        var errors = ModuleRules.Check(context)
            .Concat(EntitySetRules.Check(context))
            .Concat(SecurityRules.Check(context))
            .Concat(ScriptRules.Check(context))
            .Concat(context.Entities.SelectMany(entry =>
                EntityRules.Check(entry).Concat(FieldDefinitionRules.Check(entry)).Concat(EncryptionRules.Check(entry)).Concat(ReferenceRules.Check(context, entry))));
        // Group by file, keeping each file's first appearance, so a reader works through one file at a time.
        return errors.GroupBy(e => e.File).SelectMany(g => g).ToList();
    }
}
