using Platform.Metadata.Definitions;

namespace Platform.Storage.Schema;

/// <summary>One applied plan: the definitions it produced, what it did, and how to undo it.</summary>
public sealed record SchemaHistoryEntry(long Version, DateTime AppliedAt, DefinitionSet Definitions, string PlanJson, string InverseJson)
{
    public SchemaInverse? Inverse => SchemaInverse.FromJson(InverseJson);
}
