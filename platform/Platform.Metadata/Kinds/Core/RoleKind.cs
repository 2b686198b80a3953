using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds.Core;

/// <summary>security/roles/&lt;name&gt;.json: privileges and field restrictions.</summary>
internal sealed class RoleKind : DocumentKind<RoleDefinition>
{
    public override string Name => "role";

    public override string Folder => ModuleLayout.RolesFolder;

    public override string NameOf(RoleDefinition document) => document.Name;

    internal override IReadOnlyList<SourcedDocument<RoleDefinition>> Read(ModuleDefinition module) => module.Roles;

    internal override ModuleDefinition Store(ModuleDefinition module, IReadOnlyList<SourcedDocument<RoleDefinition>> documents) =>
        module with { Roles = documents };

    internal override IEnumerable<DefinitionError> Validate(ValidationContext context) => SecurityRules.CheckRoles(context);

    internal override (string Key, object Value)? VersionPart(ModuleDefinition module) =>
        ("roles", module.Roles.Select(d => d.Document).OrderBy(d => d.Name, StringComparer.Ordinal).ToList());
}
