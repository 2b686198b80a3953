namespace Platform.Metadata.Definitions;

/// <summary>A file of the definitions that applying would add, change or remove: <c>SCRIPT CHANGED: sales/scripts/rules.js</c>.</summary>
/// <param name="What">module, entity, role, team, business unit or script.</param>
/// <param name="File">The file as the module has it: module id, then its path in the module folder.</param>
public sealed record DefinitionChange(string What, DefinitionChangeKind Kind, string File)
{
    public override string ToString() => $"{What.ToUpperInvariant()} {Kind.ToString().ToUpperInvariant()}: {File}";
}

public enum DefinitionChangeKind
{
    Added,
    Changed,
    Removed,
}
