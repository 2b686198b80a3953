using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;

namespace Platform.Metadata.Tests.Validation;

public class ModuleRuleTests
{
    [Fact]
    public void A_duplicate_module_id_is_reported()
    {
        var errors = DefinitionValidator.Validate([Module("crm"), Module("crm", "2.0.0", new Dictionary<string, string>())]);

        ErrorAssert.Single(errors, "crm/module.json", "/id", "module id 'crm' is already used by crm/module.json");
    }

    [Fact]
    public void A_duplicate_module_id_names_both_folders_when_loaded_from_folders()
    {
        var errors = DefinitionValidator.Validate([Module("crm") with { SourcePath = "a" }, Module("crm") with { SourcePath = "b" }]);

        ErrorAssert.Single(errors, Path.Combine("b", "module.json"), "/id", $"already used by {Path.Combine("a", "module.json")}");
    }

    [Fact]
    public void A_dependency_on_a_module_that_is_not_in_the_set_is_reported()
    {
        var errors = DefinitionValidator.Validate([Module("sales", "1.0.0", DependsOn("crm-core", "^1.0.0"))]);

        ErrorAssert.Single(errors, "sales/module.json", "/dependsOn/crm-core", "depends on module 'crm-core', which is not among the loaded modules");
    }

    [Theory]
    [InlineData("^2.0.0")]
    [InlineData("~1.2.0")]
    [InlineData(">=1.0.0 <1.5.0")]
    [InlineData("[2.0,3.0)")]
    [InlineData("1.0.0")]
    public void A_dependency_whose_version_is_out_of_range_is_reported(string range)
    {
        var errors = DefinitionValidator.Validate([Module("crm-core", "1.5.0", new Dictionary<string, string>()), Module("sales", "1.0.0", DependsOn("crm-core", range))]);

        ErrorAssert.Single(errors, "sales/module.json", "/dependsOn/crm-core", $"requires module 'crm-core' {range}, but version 1.5.0 is loaded");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("^1.2.0 || ^2.0.0")]
    [InlineData(">2.0.0 <1.0.0")]
    [InlineData("[2.0,1.0]")]
    public void An_invalid_version_range_is_reported(string range)
    {
        var errors = DefinitionValidator.Validate([Module("crm-core"), Module("sales", "1.0.0", DependsOn("crm-core", range))]);

        ErrorAssert.Single(errors, "sales/module.json", "/dependsOn/crm-core", $"'{range}' is not a valid version range");
    }

    [Fact]
    public void An_invalid_module_version_is_reported_for_in_memory_modules()
    {
        var errors = DefinitionValidator.Validate([Module("crm", "1.0", new Dictionary<string, string>())]);

        ErrorAssert.Single(errors, "crm/module.json", "/version", "'1.0' is not a valid semantic version");
    }

    [Fact]
    public void A_dependency_cycle_is_reported_once()
    {
        var errors = DefinitionValidator.Validate([
            Module("a", "1.0.0", DependsOn("b", "^1.0.0")),
            Module("b", "1.0.0", DependsOn("c", "^1.0.0")),
            Module("c", "1.0.0", DependsOn("a", "^1.0.0")),
        ]);

        ErrorAssert.Single(errors, "a/module.json", "/dependsOn/b", "dependency cycle: a -> b -> c -> a");
    }

    [Fact]
    public void A_module_depending_on_itself_is_reported()
    {
        var errors = DefinitionValidator.Validate([Module("a", "1.0.0", DependsOn("a", "^1.0.0"))]);

        ErrorAssert.Single(errors, "a/module.json", "/dependsOn/a", "cannot depend on itself");
    }

    [Fact]
    public void A_diamond_of_dependencies_is_not_a_cycle()
    {
        var errors = DefinitionValidator.Validate([
            Module("base"),
            Module("left", "1.0.0", DependsOn("base", "1.x")),
            Module("right", "1.0.0", DependsOn("base", "1.x")),
            Module("top", "1.0.0", new Dictionary<string, string> { ["left"] = "^1.0.0", ["right"] = "^1.0.0" }),
        ]);

        Assert.Empty(errors);
    }
}
