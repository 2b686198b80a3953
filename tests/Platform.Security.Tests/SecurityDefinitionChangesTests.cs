using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Security;

namespace Platform.Security.Tests;

/// <summary>Applying modules audits each role, team and business unit added, changed or removed.</summary>
public sealed class SecurityDefinitionChangesTests
{
    private static DefinitionSet Set(params RoleDefinition[] roles) => new([new ModuleDefinition
    {
        Manifest = new ModuleManifest { Id = "m", Version = "1.0.0" },
        Roles = roles.Select(r => new SourcedDocument<RoleDefinition>("", r)).ToList(),
    }]);

    private static RoleDefinition Role(string name, PrivilegeScope read) =>
        new() { Name = name, Privileges = new Dictionary<string, EntityPrivileges> { ["*"] = new() { Read = read } } };

    [Fact]
    public void Added_changed_and_removed_roles_are_each_reported_and_unchanged_ones_are_not()
    {
        var before = Set(Role("kept", PrivilegeScope.Own), Role("widened", PrivilegeScope.Own), Role("dropped", PrivilegeScope.Own));
        var after = Set(Role("kept", PrivilegeScope.Own), Role("widened", PrivilegeScope.Tenant), Role("new", PrivilegeScope.Team));

        var changes = SecurityDefinitionChanges.Between(before, after);

        Assert.Equal(
            [new("role", "new", "added"), new("role", "widened", "changed"), new SecurityDefinitionChanges.Change("role", "dropped", "removed")],
            changes);
    }

    [Fact]
    public void A_first_install_reports_every_document_as_added()
    {
        Assert.Equal([new SecurityDefinitionChanges.Change("role", "a", "added")], SecurityDefinitionChanges.Between(null, Set(Role("a", PrivilegeScope.Own))));
    }
}
