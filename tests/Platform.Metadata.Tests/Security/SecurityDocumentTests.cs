using Platform.Metadata.Kinds;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;
using Platform.TestSupport;

namespace Platform.Metadata.Tests.Security;

/// <summary>Roles, teams and business units: loaded from security/ folders, validated, written back.</summary>
public sealed class SecurityDocumentTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "security-docs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static IEnumerable<string> ShippedModules => [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales")];

    [Fact]
    public async Task Shipped_crm_core_roles_load_with_their_scopes()
    {
        var loaded = await ModuleSetLoader.LoadAsync(ShippedModules);

        Assert.Empty(loaded.Errors);
        var set = loaded.Set!;
        Assert.Equal(PrivilegeScope.Tenant, set.Roles["admin"].For("opportunity")!.Scope(Privilege.Delete));
        Assert.Equal(PrivilegeScope.BusinessUnitAndChildren, set.Roles["sales-manager"].For("account")!.Scope(Privilege.Read));
        Assert.Equal(PrivilegeScope.Own, set.Roles["salesperson"].For("account")!.Scope(Privilege.Update));
        Assert.Equal(PrivilegeScope.None, set.Roles["read-only"].For("account")!.Scope(Privilege.Create));
        Assert.Equal(FieldAccessLevel.Masked, set.Roles["salesperson"].FieldSecurity["contact"]["phone"]);
        Assert.Null(set.BusinessUnits["root"].Parent);
        Assert.Equal("root", set.Teams["sales"].BusinessUnit);
    }

    [Fact]
    public async Task Export_writes_security_documents_that_load_back_to_the_same_definitions()
    {
        var original = (await ModuleSetLoader.LoadAsync(ShippedModules)).Set!;
        var folders = new List<string>();
        foreach (var module in original.Modules)
        {
            var folder = Path.Combine(_folder, module.Id);
            await ModuleWriter.WriteAsync(module, folder);
            folders.Add(folder);
        }

        var reloaded = await ModuleSetLoader.LoadAsync(folders);

        Assert.Empty(reloaded.Errors);
        Assert.Equal(original.Version, reloaded.Set!.Version);
        Assert.True(File.Exists(Path.Combine(_folder, "crm-core", "security", "roles", "salesperson.json")));
    }

    [Fact]
    public void Definitions_version_changes_when_a_role_changes()
    {
        var before = new DefinitionSet([Module(roles: [Role("clerk", "account", PrivilegeScope.Own)])]);
        var after = new DefinitionSet([Module(roles: [Role("clerk", "account", PrivilegeScope.Team)])]);

        Assert.NotEqual(before.Version, after.Version);
    }

    [Theory]
    [InlineData("""{ "name": "clerk", "privileges": { "account": { "read": "own", "approve": "own" } } }""", "/privileges/account")]
    [InlineData("""{ "name": "clerk", "privileges": { "account": { "read": "department" } } }""", "/privileges/account/read")]
    [InlineData("""{ "name": "clerk", "fieldSecurity": { "contact": { "phone": "blurred" } } }""", "/fieldSecurity/contact/phone")]
    public async Task Unknown_privileges_scopes_and_restrictions_are_refused_by_the_schema(string json, string pointer)
    {
        var errors = await SchemaValidator.ValidateAsync(CoreDocumentKinds.Role, json, "clerk.json");

        Assert.Contains(errors, e => e.File == "clerk.json" && e.Pointer.StartsWith(pointer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_role_file_is_reported_with_file_and_pointer()
    {
        var module = Path.Combine(_folder, "acme");
        Directory.CreateDirectory(Path.Combine(module, "security", "roles"));
        await File.WriteAllTextAsync(Path.Combine(module, "module.json"), """{ "id": "acme", "version": "1.0.0" }""");
        var roleFile = Path.Combine(module, "security", "roles", "clerk.json");
        await File.WriteAllTextAsync(roleFile, """{ "name": "clerk", "privileges": { "*": { "read": "everything" } } }""");

        var loaded = await ModuleSetLoader.LoadAsync([module]);

        Assert.Null(loaded.Set);
        Assert.Contains(loaded.Errors, e => e.File == roleFile && e.Pointer == "/privileges/*/read");
    }

    [Fact]
    public void A_privilege_on_an_unknown_entity_is_an_error()
    {
        var errors = DefinitionValidator.Validate([Module(roles: [Role("clerk", "invoice", PrivilegeScope.Own)])]);

        ErrorAssert.Single(errors, "acme/security/roles/clerk.json", "/privileges/invoice", "no entity 'invoice'");
    }

    [Fact]
    public void A_star_privilege_applies_to_every_entity_and_is_valid()
    {
        Assert.Empty(DefinitionValidator.Validate([Module(roles: [Role("clerk", "*", PrivilegeScope.Own)])]));
    }

    [Fact]
    public void Field_security_on_an_unknown_field_or_a_system_field_is_an_error()
    {
        var role = new RoleDefinition
        {
            Name = "clerk",
            FieldSecurity = new Dictionary<string, IReadOnlyDictionary<string, FieldAccessLevel>>
            {
                ["account"] = new Dictionary<string, FieldAccessLevel> { ["fax"] = FieldAccessLevel.Hidden, ["owner"] = FieldAccessLevel.ReadOnly },
            },
        };

        var errors = DefinitionValidator.Validate([Module(roles: [role])]);

        Assert.Contains(errors, e => e.Pointer == "/fieldSecurity/account/fax" && e.Message.Contains("no field 'fax'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Pointer == "/fieldSecurity/account/owner" && e.Message.Contains("system field", StringComparison.Ordinal));
    }

    [Fact]
    public void A_team_or_business_unit_naming_an_unknown_unit_is_an_error()
    {
        var errors = DefinitionValidator.Validate([Module(
            teams: [new TeamDefinition { Name = "north", BusinessUnit = "nowhere" }],
            units: [new BusinessUnitDefinition { Name = "root" }, new BusinessUnitDefinition { Name = "east", Parent = "missing" }])]);

        Assert.Contains(errors, e => e.File == "acme/security/teams/north.json" && e.Pointer == "/businessUnit" && e.Message.Contains("'nowhere'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == "acme/security/business-units/east.json" && e.Pointer == "/parent" && e.Message.Contains("'missing'", StringComparison.Ordinal));
    }

    [Fact]
    public void Business_units_whose_parents_form_a_cycle_are_reported_once()
    {
        var errors = DefinitionValidator.Validate([Module(units:
        [
            new BusinessUnitDefinition { Name = "a", Parent = "c" },
            new BusinessUnitDefinition { Name = "b", Parent = "a" },
            new BusinessUnitDefinition { Name = "c", Parent = "b" },
        ])]);

        var error = Assert.Single(errors);
        Assert.Equal("/parent", error.Pointer);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_role_names_across_modules_are_an_error()
    {
        var first = Module(roles: [Role("clerk", "account", PrivilegeScope.Own)]);
        var second = Build.Module("other") with { Roles = [Doc("other", ModuleLayout.RolesFolder, "clerk", Role("clerk", "*", PrivilegeScope.Own))] };

        var errors = DefinitionValidator.Validate([first, second]);

        ErrorAssert.Single(errors, "other/security/roles/clerk.json", "/name", "also declared");
    }

    private static RoleDefinition Role(string name, string entity, PrivilegeScope read) => new()
    {
        Name = name,
        Privileges = new Dictionary<string, EntityPrivileges> { [entity] = new() { Read = read } },
    };

    private static ModuleDefinition Module(
        IReadOnlyList<RoleDefinition>? roles = null, IReadOnlyList<TeamDefinition>? teams = null, IReadOnlyList<BusinessUnitDefinition>? units = null) =>
        Build.Module("acme", Build.Entity("account", Build.Field("name"))) with
        {
            Roles = (roles ?? []).Select(r => Doc("acme", ModuleLayout.RolesFolder, r.Name, r)).ToList(),
            Teams = (teams ?? []).Select(t => Doc("acme", ModuleLayout.TeamsFolder, t.Name, t)).ToList(),
            BusinessUnits = (units ?? []).Select(u => Doc("acme", ModuleLayout.BusinessUnitsFolder, u.Name, u)).ToList(),
        };

    private static SourcedDocument<T> Doc<T>(string module, string folder, string name, T document) =>
        new(ModuleLayout.VirtualDocumentFile(module, folder, name), document);
}
