using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Tests.Schemas;

public class EntitySchemaTests
{
    private static Task<IReadOnlyList<DefinitionError>> ValidateField(string fieldJson) =>
        SchemaValidator.ValidateAsync(CoreDocumentKinds.Entity, $$"""{ "name": "deal", "fields": [ { "name": "title", "type": "text" }, {{fieldJson}} ] }""", "deal.json");

    [Fact]
    public async Task The_issue_example_document_validates()
    {
        var json = await File.ReadAllTextAsync(FixturePaths.File("valid", "sales", "entities", "opportunity.json"));

        Assert.Empty(await SchemaValidator.ValidateAsync(CoreDocumentKinds.Entity, json, "opportunity.json"));
    }

    [Fact]
    public async Task An_unknown_field_type_lists_the_known_types()
    {
        var errors = await ValidateField("""{ "name": "amount", "type": "strng" }""");

        ErrorAssert.Single(errors, "deal.json", "/fields/1/type",
            "unknown field type 'strng'; expected one of text, longtext, integer, decimal, currency, boolean, date, datetime, choice, multichoice, email, phone, url, lookup, autonumber");
    }

    [Theory]
    [InlineData("""{ "name": "account", "type": "lookup" }""", "/fields/1/target", "'target' is required. A lookup field must name")]
    [InlineData("""{ "name": "stage", "type": "choice" }""", "/fields/1/options", "'options' is required")]
    [InlineData("""{ "name": "tags", "type": "multichoice", "options": [] }""", "/fields/1/options", "must not be empty")]
    [InlineData("""{ "name": "notes", "type": "longtext", "onDelete": "cascade" }""", "/fields/1/onDelete", "'onDelete' is not allowed here. Only lookup fields")]
    [InlineData("""{ "name": "owner_name", "type": "text", "target": "account" }""", "/fields/1/target", "'target' is not allowed here")]
    [InlineData("""{ "name": "stage", "type": "text", "options": [ { "value": "a" } ] }""", "/fields/1/options", "Only choice and multichoice fields have 'options'")]
    [InlineData("""{ "name": "count", "type": "integer", "precision": 10 }""", "/fields/1/precision", "Only decimal and currency fields have 'precision'")]
    [InlineData("""{ "name": "count", "type": "integer", "scale": 2 }""", "/fields/1/scale", "Only decimal and currency fields")]
    [InlineData("""{ "name": "amount", "type": "decimal", "precision": 19 }""", "/fields/1/precision", "19 is greater than the maximum 18")]
    [InlineData("""{ "name": "amount", "type": "decimal", "precision": 0 }""", "/fields/1/precision", "0 is less than the minimum 1")]
    [InlineData("""{ "name": "count", "type": "integer", "maxLength": 10 }""", "/fields/1/maxLength", "Only text, longtext, email, phone and url fields have 'maxLength'")]
    [InlineData("""{ "name": "flag", "type": "boolean", "min": 0 }""", "/fields/1/min", "Only integer, decimal and currency fields")]
    [InlineData("""{ "name": "code", "type": "text", "format": "X-{0}" }""", "/fields/1/format", "Only autonumber fields have 'format'")]
    [InlineData("""{ "name": "Close Date", "type": "date" }""", "/fields/1/name", "'Close Date' is not a valid name")]
    [InlineData("""{ "name": "a23456789012345678901234567890123456789012345678901", "type": "date" }""", "/fields/1/name", "at most 50 characters")]
    [InlineData("""{ "name": "total", "type": "integer", "formula": "" }""", "/fields/1/formula", "must not be empty")]
    [InlineData("""{ "name": "total", "type": "integer", "required": "yes" }""", "/fields/1/required", "expected true or false, found the text 'yes'")]
    [InlineData("""{ "name": "total", "type": "integer", "label": { "english": "Total" } }""", "/fields/1/label", "expected a text or an object of locale to text")]
    [InlineData("""{ "name": "account", "type": "lookup", "target": "account", "onDelete": "nothing" }""", "/fields/1/onDelete", "unknown onDelete behavior 'nothing'; expected one of restrict, setNull, cascade")]
    [InlineData("""{ "name": "stage", "type": "choice", "options": [ { "value": "a", "color": "red" } ] }""", "/fields/1/options/0/color", "'red' is not a valid color")]
    [InlineData("""{ "type": "text" }""", "/fields/1/name", "'name' is required")]
    [InlineData("""{ "name": "owner_ref", "type": "lookup", "target": "account", "encrypted": true }""", "/fields/1/encrypted", "Lookup and autonumber fields cannot be encrypted")]
    [InlineData("""{ "name": "secret", "type": "text", "personal": "yes" }""", "/fields/1/personal", "expected true or false")]
    public async Task Field_rules_of_the_schema_report_the_property_at_fault(string fieldJson, string pointer, string message)
    {
        var errors = await ValidateField(fieldJson);

        ErrorAssert.Single(errors, "deal.json", pointer, message);
    }

    [Fact]
    public async Task Hooks_name_script_files_under_scripts()
    {
        var errors = await SchemaValidator.ValidateAsync(CoreDocumentKinds.Entity,
            """{ "name": "deal", "hooks": { "beforeSave": "scripts/ok.js", "afterSave": "../secret.js" }, "fields": [ { "name": "title", "type": "text" } ] }""", "deal.json");

        ErrorAssert.Single(errors, "deal.json", "/hooks/afterSave", "'../secret.js' is not a valid scriptPath");
    }

    [Fact]
    public async Task Audit_data_subject_personal_and_encrypted_are_accepted()
    {
        var errors = await SchemaValidator.ValidateAsync(CoreDocumentKinds.Entity, """
            { "name": "patient", "audit": false, "dataSubject": true,
              "fields": [ { "name": "name", "type": "text", "personal": true }, { "name": "diagnosis", "type": "longtext", "encrypted": true } ] }
            """, "patient.json");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_schema_property_is_allowed_for_editors()
    {
        var errors = await SchemaValidator.ValidateAsync(CoreDocumentKinds.Entity,
            """{ "$schema": "../../schemas/entity.schema.json", "name": "deal", "fields": [ { "name": "title", "type": "text" } ] }""", "deal.json");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_entity_needs_fields()
    {
        var errors = await SchemaValidator.ValidateAsync(CoreDocumentKinds.Entity, """{ "name": "deal" }""", "deal.json");

        ErrorAssert.Single(errors, "deal.json", "/fields", "'fields' is required");
    }
}
