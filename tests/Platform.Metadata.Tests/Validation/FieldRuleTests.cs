using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;

namespace Platform.Metadata.Tests.Validation;

public class FieldRuleTests
{
    private static IReadOnlyList<DefinitionError> ValidateFields(params FieldDefinition[] fields) =>
        DefinitionValidator.Validate([Module("crm", Entity("deal", fields))]);

    private const string File = "crm/entities/deal.json";

    [Fact]
    public void Duplicate_field_names_are_reported()
    {
        var errors = ValidateFields(Field("name"), Field("amount", FieldType.Decimal), Field("name"));

        ErrorAssert.Single(errors, File, "/fields/2/name", "field 'name' is already defined at /fields/0");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("created_at")]
    [InlineData("owner")]
    [InlineData("row_version")]
    public void Reserved_system_field_names_are_reported(string name)
    {
        var errors = ValidateFields(Field("title"), Field(name));

        ErrorAssert.Single(errors, File, "/fields/1/name", $"'{name}' is a system field");
    }

    [Fact]
    public void Min_greater_than_max_is_reported()
    {
        var errors = ValidateFields(new FieldDefinition { Name = "probability", Type = FieldType.Integer, Min = 100, Max = 0 });

        ErrorAssert.Single(errors, File, "/fields/0/min", "min 100 is greater than max 0");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("date")]
    [InlineData("boolean")]
    public void Min_or_max_on_a_non_numeric_field_is_reported(string typeName)
    {
        var type = new FieldType(typeName);
        var errors = ValidateFields(new FieldDefinition { Name = "value", Type = type, Max = 10 });

        ErrorAssert.Single(errors, File, "/fields/0/max", "only integer, decimal and currency fields have it");
    }

    [Fact]
    public void Scale_greater_than_precision_is_reported()
    {
        var errors = ValidateFields(new FieldDefinition { Name = "amount", Type = FieldType.Currency, Precision = 4, Scale = 6 });

        ErrorAssert.Single(errors, File, "/fields/0/scale", "scale 6 is greater than precision 4");
    }

    [Theory]
    [InlineData("OPP-{1}")]
    [InlineData("OPP-{0:00000")]
    [InlineData("OPP-{x}")]
    [InlineData("OPP")]
    public void An_autonumber_format_that_does_not_format_an_integer_is_reported(string format)
    {
        var errors = ValidateFields(new FieldDefinition { Name = "number", Type = FieldType.AutoNumber, Format = format });

        ErrorAssert.Single(errors, File, "/fields/0/format", "use {0} for the counter");
    }

    [Fact]
    public void A_valid_autonumber_format_is_accepted()
    {
        Assert.Empty(ValidateFields(new FieldDefinition { Name = "number", Type = FieldType.AutoNumber, Format = "OPP-{0:00000}" }));
    }

    [Fact]
    public void A_field_renamed_from_a_current_field_is_reported()
    {
        var errors = ValidateFields(Field("title"), Field("name") with { RenamedFrom = "title" });

        ErrorAssert.Single(errors, File, "/fields/1/renamedFrom", "is the name of a current field (/fields/0)");
    }

    [Fact]
    public void Two_fields_renamed_from_the_same_name_are_reported()
    {
        var errors = ValidateFields(Field("name") with { RenamedFrom = "title" }, Field("label") with { RenamedFrom = "title" });

        ErrorAssert.Single(errors, File, "/fields/1/renamedFrom", "already claimed by /fields/0");
    }

    [Theory]
    [InlineData("target", "text")]
    [InlineData("options", "integer")]
    [InlineData("maxLength", "integer")]
    [InlineData("precision", "integer")]
    [InlineData("format", "text")]
    public void Type_specific_properties_on_other_types_are_reported_for_in_memory_modules(string property, string typeName)
    {
        var type = new FieldType(typeName);
        var field = property switch
        {
            "target" => new FieldDefinition { Name = "value", Type = type, Target = "deal" },
            "options" => new FieldDefinition { Name = "value", Type = type, Options = [new ChoiceOption { Value = "a" }] },
            "maxLength" => new FieldDefinition { Name = "value", Type = type, MaxLength = 10 },
            "precision" => new FieldDefinition { Name = "value", Type = type, Precision = 10 },
            _ => new FieldDefinition { Name = "value", Type = type, Format = "{0}" },
        };

        var errors = ValidateFields(field);

        ErrorAssert.Single(errors, File, $"/fields/0/{property}", $"'{property}' is not allowed on a");
    }

    [Fact]
    public void A_lookup_without_target_is_reported_for_in_memory_modules()
    {
        var errors = ValidateFields(new FieldDefinition { Name = "account", Type = FieldType.Lookup });

        ErrorAssert.Single(errors, File, "/fields/0/target", "must name the entity it points to");
    }

    [Fact]
    public void A_choice_without_options_is_reported_for_in_memory_modules()
    {
        var errors = ValidateFields(new FieldDefinition { Name = "stage", Type = FieldType.Choice, Options = [] });

        ErrorAssert.Single(errors, File, "/fields/0/options", "must list its 'options'");
    }

    [Fact]
    public void Duplicate_option_values_are_reported()
    {
        var errors = ValidateFields(Choice("stage", FieldType.Choice, "won", "lost", "won"));

        ErrorAssert.Single(errors, File, "/fields/0/options/2/value", "option value 'won' is already used by /options/0");
    }
}
