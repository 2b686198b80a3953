using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds;

/// <summary>A document under validation with the module and file it came from: what a rule needs to locate its errors.</summary>
public sealed record KindDocument<TDocument>(ModuleDefinition Module, string File, TDocument Document)
{
    public DefinitionError Error(string pointer, string message) => new(File, pointer, message);
}
