using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds.Core;

/// <summary>security/teams/&lt;name&gt;.json.</summary>
internal sealed class TeamKind : DocumentKind<TeamDefinition>
{
    public override string Name => "team";

    public override string Folder => ModuleLayout.TeamsFolder;

    public override string NameOf(TeamDefinition document) => document.Name;

    internal override IReadOnlyList<SourcedDocument<TeamDefinition>> Read(ModuleDefinition module) => module.Teams;

    internal override ModuleDefinition Store(ModuleDefinition module, IReadOnlyList<SourcedDocument<TeamDefinition>> documents) =>
        module with { Teams = documents };

    internal override IEnumerable<DefinitionError> Validate(ValidationContext context) => SecurityRules.CheckTeams(context);

    internal override (string Key, object Value)? VersionPart(ModuleDefinition module) =>
        ("teams", module.Teams.Select(d => d.Document).OrderBy(d => d.Name, StringComparer.Ordinal).ToList());
}
