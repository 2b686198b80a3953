namespace Platform.Metadata.FieldTypes;

/// <summary>A broken rule of a field definition, reported at the named property (e.g. "target").</summary>
public sealed record FieldDefinitionProblem(string Property, string Message);
