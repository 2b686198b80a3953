using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;
using Platform.TestSupport;

namespace Platform.Metadata.Tests.Loading;

public class ModuleSetLoaderTests
{
    private static Task<ModuleSetLoadResult> Load(string fixture) => ModuleSetLoader.LoadAsync(FixturePaths.ModuleFolders(fixture));

    private static string EntityFile(string fixture, string module, string entity) => FixturePaths.File(fixture, module, "entities", entity + ".json");

    [Fact]
    public async Task Valid_module_folders_load_into_a_definition_set()
    {
        var result = await Load("valid");

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        Assert.Equal(["crm-core", "sales"], result.Set.Modules.Select(m => m.Id));
        Assert.Equal(["account", "contact", "opportunity"], result.Set.Entities.Select(e => e.Name).Order());
    }

    [Fact]
    public async Task The_issue_example_loads_with_its_labels_options_and_relations()
    {
        var result = await Load("valid");

        var opportunity = Assert.IsType<EntityDefinition>(result.Set?.Find("opportunity"));
        Assert.Equal("商机", opportunity.Label?.Get("zh-CN"));
        Assert.Equal(FieldType.AutoNumber, opportunity.FindField("number")?.Type);
        Assert.Equal(DeleteBehavior.Restrict, opportunity.FindField("account")?.OnDelete);
        Assert.Equal(["prospecting", "won", "lost"], opportunity.FindField("stage")?.Options?.Select(o => o.Value) ?? []);
        Assert.Equal("contact", Assert.Single(opportunity.Relations).Target);
        Assert.Equal(EntityFile("valid", "sales", "opportunity"), result.Set!.Modules[1].Entities[0].File);
    }

    [Fact]
    public async Task The_shipped_modules_load_without_errors()
    {
        var folders = Directory.GetDirectories(RepositoryPaths.Modules).Order(StringComparer.Ordinal);

        var result = await ModuleSetLoader.LoadAsync(folders);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Malformed_json_reports_the_line_and_position()
    {
        var result = await Load("broken-json");

        Assert.Null(result.Set);
        var error = Assert.Single(result.Errors, e => e.File == EntityFile("broken-json", "crm", "account"));
        Assert.Equal("", error.Pointer);
        Assert.StartsWith("malformed JSON at line 4, position 3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_property_reports_the_line()
    {
        var result = await Load("broken-json");

        var error = Assert.Single(result.Errors, e => e.File == EntityFile("broken-json", "crm", "contact"));
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_with_several_mistakes_reports_all_of_them_with_pointers()
    {
        var result = await Load("many-mistakes");

        Assert.Null(result.Set);
        var entityFile = EntityFile("many-mistakes", "sales", "opportunity");
        var manifestFile = FixturePaths.File("many-mistakes", "sales", "module.json");
        Assert.Equal(
            [
                (manifestFile, "/version"),
                (entityFile, "/hooks/beforeSave"),
                (entityFile, "/fields/0/type"),
                (entityFile, "/fields/1/target"),
                (entityFile, "/fields/2/options"),
                (entityFile, "/fields/3/precision"),
                (entityFile, "/fields/4/name"),
                (entityFile, "/fields/5/onDelete"),
                (entityFile, "/fields/6/formula"),
                (entityFile, "/relations/0/type"),
            ],
            result.Errors.Select(e => (e.File, e.Pointer)));
        Assert.Contains(result.Errors, e => e.Message == "unknown field type 'strng'; expected one of text, longtext, integer, decimal, currency, boolean, date, datetime, choice, multichoice, email, phone, url, lookup, autonumber");
    }

    [Fact]
    public async Task A_document_that_fails_its_schema_still_reports_its_semantic_mistakes_in_the_same_pass()
    {
        var result = await Load("schema-and-semantic-mistakes");

        Assert.Null(result.Set);
        var file = EntityFile("schema-and-semantic-mistakes", "crm", "deal");
        // The unknown type (schema) hides neither the default outside the options, the duplicate field name nor the
        // reserved relation name (semantic); the field with the unknown type still counts as the primary field and in the index.
        Assert.Equal(
            [(file, "/fields/1/type"), (file, "/fields/2/default"), (file, "/fields/3/name"), (file, "/relations/0/name")],
            result.Errors.Select(e => (e.File, e.Pointer)).OrderBy(e => e.Pointer, StringComparer.Ordinal));
        Assert.Contains("'closed'", Assert.Single(result.Errors, e => e.Pointer == "/fields/2/default").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entity_file_that_does_not_match_its_entity_name_is_reported()
    {
        var result = await Load("misnamed-file");

        var error = Assert.Single(result.Errors);
        Assert.Equal((EntityFile("misnamed-file", "crm", "customer"), "/name"), (error.File, error.Pointer));
        Assert.Contains("rename the file to 'account.json'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_into_a_module_not_depended_on_is_reported_with_the_missing_dependency()
    {
        var result = await Load("missing-dependency");

        var error = Assert.Single(result.Errors);
        Assert.Equal((EntityFile("missing-dependency", "sales", "opportunity"), "/fields/0/target"), (error.File, error.Pointer));
        Assert.Contains("add \"crm-core\" to dependsOn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_entity_does_not_make_lookups_to_it_fail_as_well()
    {
        var result = await Load("broken-target");

        var error = Assert.Single(result.Errors);
        Assert.Equal((EntityFile("broken-target", "crm", "account"), "/fields/0/type"), (error.File, error.Pointer));
    }

    [Fact]
    public async Task A_folder_without_module_json_is_reported()
    {
        var result = await Load("no-manifest");

        var error = Assert.Single(result.Errors);
        Assert.Equal(FixturePaths.File("no-manifest", "crm", "module.json"), error.File);
        Assert.Contains("'module.json' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_reported()
    {
        var result = await ModuleSetLoader.LoadAsync([FixturePaths.File("does-not-exist")]);

        Assert.Contains("does not exist", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_of_all_folders_are_reported_together()
    {
        var result = await ModuleSetLoader.LoadAsync([.. FixturePaths.ModuleFolders("broken-json"), .. FixturePaths.ModuleFolders("misnamed-file")]);

        // broken-json/crm and misnamed-file/crm share the id "crm": that is reported too, next to both files' errors.
        Assert.Equal(
            [
                EntityFile("broken-json", "crm", "account"),
                EntityFile("broken-json", "crm", "contact"),
                FixturePaths.File("misnamed-file", "crm", "module.json"),
                EntityFile("misnamed-file", "crm", "customer"),
            ],
            result.Errors.Select(e => e.File));
    }
}
