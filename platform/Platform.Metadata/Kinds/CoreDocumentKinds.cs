using Platform.Metadata.Kinds.Core;

namespace Platform.Metadata.Kinds;

/// <summary>
/// The kinds every module set has, in the order they load (scripts after the entities that name them) and are hashed
/// into the definitions version. Their documents have properties of their own on <see cref="Definitions.ModuleDefinition"/>;
/// every other kind's are kept in its <see cref="Definitions.ModuleDefinition.Documents"/>.
/// </summary>
public static class CoreDocumentKinds
{
    public static DocumentKind Module { get; } = new ModuleManifestKind();
    public static DocumentKind<Definitions.EntityDefinition> Entity { get; } = new EntityKind();
    public static DocumentKind<Definitions.Security.RoleDefinition> Role { get; } = new RoleKind();
    public static DocumentKind<Definitions.Security.TeamDefinition> Team { get; } = new TeamKind();
    public static DocumentKind<Definitions.Security.BusinessUnitDefinition> BusinessUnit { get; } = new BusinessUnitKind();
    public static DocumentKind Script { get; } = new ScriptKind();

    public static IReadOnlyList<DocumentKind> All { get; } = [Module, Entity, Role, Team, BusinessUnit, Script];
}
