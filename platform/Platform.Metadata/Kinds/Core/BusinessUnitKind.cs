using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds.Core;

/// <summary>security/business-units/&lt;name&gt;.json: the tree of units records are owned in.</summary>
internal sealed class BusinessUnitKind : DocumentKind<BusinessUnitDefinition>
{
    public override string Name => "business-unit";

    public override string Folder => ModuleLayout.BusinessUnitsFolder;

    public override string NameOf(BusinessUnitDefinition document) => document.Name;

    internal override IReadOnlyList<SourcedDocument<BusinessUnitDefinition>> Read(ModuleDefinition module) => module.BusinessUnits;

    internal override ModuleDefinition Store(ModuleDefinition module, IReadOnlyList<SourcedDocument<BusinessUnitDefinition>> documents) =>
        module with { BusinessUnits = documents };

    internal override IEnumerable<DefinitionError> Validate(ValidationContext context) => SecurityRules.CheckBusinessUnits(context);

    internal override (string Key, object Value)? VersionPart(ModuleDefinition module) =>
        ("businessUnits", module.BusinessUnits.Select(d => d.Document).OrderBy(d => d.Name, StringComparer.Ordinal).ToList());
}
