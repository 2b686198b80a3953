using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;

namespace Platform.Metadata.Tests.Kinds;

/// <summary>
/// Tenants' definitions versions key caches and schema history; moving the built-in kinds onto the kind registry must
/// not change the version of definitions that hold only those kinds.
/// </summary>
public class VersionStabilityTests
{
    internal static DefinitionSet BuiltInKindsOnly() => new([
        Build.Module("crm", Build.Entity("deal", Build.Field("name"), Build.Lookup("account", "account")), Build.Entity("account", Build.Field("name"))) with
        {
            Roles = [new SourcedDocument<RoleDefinition>("r.json", new RoleDefinition { Name = "clerk", Privileges = new Dictionary<string, EntityPrivileges> { ["*"] = new() { Read = PrivilegeScope.Own } } })],
            Teams = [new SourcedDocument<TeamDefinition>("t.json", new TeamDefinition { Name = "sales", BusinessUnit = "root" })],
            BusinessUnits = [new SourcedDocument<BusinessUnitDefinition>("b.json", new BusinessUnitDefinition { Name = "root" })],
            Scripts = new Dictionary<string, string> { ["scripts/a.js"] = "log.info('a');" },
        },
        Build.Module("other"),
    ]);

    [Fact]
    public void Definitions_of_built_in_kinds_keep_the_version_they_had_before_kinds_were_registered()
    {
        // Computed by the code before the registry (DefinitionSet hashing each built-in list by hand).
        Assert.Equal("c9963d04a0ed48eabf75e558a56c2a781d5396fd25f84916b1fb2bed87dd6dd4", BuiltInKindsOnly().Version);
    }
}
