using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Tests.Schemas;

public class ModuleSchemaTests
{
    private static Task<IReadOnlyList<DefinitionError>> Validate(string json) => SchemaValidator.ValidateAsync(CoreDocumentKinds.Module, json, "module.json");

    [Fact]
    public async Task A_full_manifest_validates()
    {
        var errors = await Validate("""
            { "$schema": "../schemas/module.schema.json", "id": "crm-sales", "version": "1.2.0-beta.1+build.5",
              "label": { "en": "Sales", "zh-CN": "销售" }, "description": "Deals.",
              "dependsOn": { "crm-core": "^1.0.0", "crm-extra": "[1.0,2.0)" } }
            """);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{ "id": "CRM", "version": "1.0.0" }""", "/id", "'CRM' is not a valid module id")]
    [InlineData("""{ "id": "crm", "version": "1.0" }""", "/version", "'1.0' is not a valid semantic version")]
    [InlineData("""{ "id": "crm" }""", "/version", "'version' is required")]
    [InlineData("""{ "id": "crm", "version": "1.0.0", "dependsOn": { "core": 1 } }""", "/dependsOn/core", "expected a text, found the number 1")]
    [InlineData("""{ "id": "crm", "version": "1.0.0", "dependsOn": { "Core": "^1.0.0" } }""", "/dependsOn/Core", "unknown property 'Core'")]
    [InlineData("""{ "id": "crm", "version": "1.0.0", "hooks": [] }""", "/hooks", "unknown property 'hooks'")]
    public async Task Manifest_rules_report_the_property_at_fault(string json, string pointer, string message)
    {
        ErrorAssert.Single(await Validate(json), "module.json", pointer, message);
    }
}
