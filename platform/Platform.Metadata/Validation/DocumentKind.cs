namespace Platform.Metadata.Validation;

/// <summary>The kinds of definition documents that have a JSON Schema.</summary>
public enum DocumentKind
{
    /// <summary>module.json</summary>
    Module,
    /// <summary>entities/&lt;name&gt;.json</summary>
    Entity,
}
