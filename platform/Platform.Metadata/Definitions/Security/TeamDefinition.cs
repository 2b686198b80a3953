namespace Platform.Metadata.Definitions.Security;

/// <summary>A team (security/teams/&lt;name&gt;.json); its members are users, kept by the identity layer.</summary>
public sealed record TeamDefinition
{
    public required string Name { get; init; }
    public LocalizedText? Label { get; init; }
    public LocalizedText? Description { get; init; }
    /// <summary>The business unit the team belongs to, if any.</summary>
    public string? BusinessUnit { get; init; }
}
