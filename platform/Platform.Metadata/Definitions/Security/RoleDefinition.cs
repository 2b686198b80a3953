namespace Platform.Metadata.Definitions.Security;

/// <summary>A security role (security/roles/&lt;name&gt;.json): per-entity privileges and field restrictions.</summary>
public sealed record RoleDefinition
{
    /// <summary>The entity key that applies to every entity a role does not name itself.</summary>
    public const string AllEntities = "*";

    /// <summary>The first administrator's role: administers its tenant whether or not a document defines it.</summary>
    public const string BuiltInAdministrator = "admin";

    public required string Name { get; init; }
    public LocalizedText? Label { get; init; }
    public LocalizedText? Description { get; init; }
    /// <summary>Holders administer the tenant (users, everyone's API keys, audit, privacy, script runs).</summary>
    public bool Administers { get; init; }
    /// <summary>Entity name (or "*") to privileges.</summary>
    public IReadOnlyDictionary<string, EntityPrivileges> Privileges { get; init; } = new Dictionary<string, EntityPrivileges>();
    /// <summary>Entity name to field name to restriction.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldAccessLevel>> FieldSecurity { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, FieldAccessLevel>>();

    /// <summary>The privileges this role grants on an entity: its own entry, else the "*" entry.</summary>
    public EntityPrivileges? For(string entity) =>
        Privileges.GetValueOrDefault(entity) ?? Privileges.GetValueOrDefault(AllEntities);
}
