namespace Platform.Metadata.Validation;

/// <summary>The kinds of definition documents that have a JSON Schema.</summary>
public enum DocumentKind
{
    /// <summary>module.json</summary>
    Module,
    /// <summary>entities/&lt;name&gt;.json</summary>
    Entity,
    /// <summary>security/roles/&lt;name&gt;.json</summary>
    Role,
    /// <summary>security/teams/&lt;name&gt;.json</summary>
    Team,
    /// <summary>security/business-units/&lt;name&gt;.json</summary>
    BusinessUnit,
}
