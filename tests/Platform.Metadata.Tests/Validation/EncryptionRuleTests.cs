using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;

namespace Platform.Metadata.Tests.Validation;

public class EncryptionRuleTests
{
    private const string File = "crm/entities/patient.json";

    private static IReadOnlyList<DefinitionError> Validate(EntityDefinition entity) => DefinitionValidator.Validate([Module("crm", entity)]);

    private static FieldDefinition Secret(FieldType? type = null) => new() { Name = "secret", Type = type ?? FieldType.Text, Encrypted = true };

    [Fact]
    public void An_encrypted_text_field_personal_fields_a_data_subject_and_audit_off_are_valid()
    {
        var entity = Entity("patient", Field("name"), Secret(), Secret(FieldType.Date) with { Name = "born" }) with
        {
            DataSubject = true,
            Audit = false,
            Fields = [Field("name") with { Personal = true }, Secret(), Secret(FieldType.Date) with { Name = "born" }],
        };

        Assert.Empty(Validate(entity));
    }

    [Fact]
    public void An_encrypted_unique_field_is_reported_at_unique()
    {
        var errors = Validate(Entity("patient", Field("name"), Secret() with { Unique = true }));

        ErrorAssert.Single(errors, File, "/fields/1/unique", "an encrypted field cannot be unique");
    }

    [Fact]
    public void An_encrypted_indexed_field_is_reported_at_indexed()
    {
        var errors = Validate(Entity("patient", Field("name"), Secret() with { Indexed = true }));

        ErrorAssert.Single(errors, File, "/fields/1/indexed", "cannot be indexed");
    }

    [Fact]
    public void An_encrypted_field_in_an_index_is_reported_at_the_index_field()
    {
        var errors = Validate(Entity("patient", Field("name"), Secret()) with { Indexes = [new IndexDefinition { Fields = ["name", "secret"] }] });

        ErrorAssert.Single(errors, File, "/indexes/0/fields/1", "'secret' is encrypted and cannot be indexed");
    }

    [Fact]
    public void An_encrypted_primary_field_is_reported()
    {
        var errors = Validate(Entity("patient", Field("name"), Secret()) with { PrimaryField = "secret" });

        ErrorAssert.Single(errors, File, "/primaryField", "the primary field 'secret' is encrypted");
    }

    [Fact]
    public void An_encrypted_field_with_a_default_is_reported()
    {
        var errors = Validate(Entity("patient", Field("name"), Secret() with { Default = JsonValue.Create("x") }));

        ErrorAssert.Single(errors, File, "/fields/1/default", "clear text");
    }

    [Fact]
    public void An_encrypted_autonumber_is_reported()
    {
        var errors = Validate(Entity("patient", Field("name"), Secret(FieldType.AutoNumber) with { Format = "P-{0}" }));

        ErrorAssert.Single(errors, File, "/fields/1/encrypted", "autonumber fields cannot be encrypted");
    }
}
