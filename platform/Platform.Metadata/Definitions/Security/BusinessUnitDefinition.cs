namespace Platform.Metadata.Definitions.Security;

/// <summary>A business unit (security/business-units/&lt;name&gt;.json); units form a tree through <see cref="Parent"/>.</summary>
public sealed record BusinessUnitDefinition
{
    public required string Name { get; init; }
    public LocalizedText? Label { get; init; }
    public LocalizedText? Description { get; init; }
    /// <summary>The parent unit; null for a root.</summary>
    public string? Parent { get; init; }
}
