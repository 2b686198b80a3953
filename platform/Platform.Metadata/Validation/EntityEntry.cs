using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>An entity with the module and file it came from: what a rule needs to locate its errors.</summary>
internal sealed record EntityEntry(ModuleDefinition Module, string File, EntityDefinition Entity)
{
    public DefinitionError Error(string pointer, string message) => new(File, pointer, message);
}
