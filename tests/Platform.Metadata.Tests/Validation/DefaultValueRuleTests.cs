using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;

namespace Platform.Metadata.Tests.Validation;

public class DefaultValueRuleTests
{
    private const string File = "crm/entities/deal.json";

    private static IReadOnlyList<DefinitionError> ValidateDefault(FieldDefinition field, string defaultJson) =>
        DefinitionValidator.Validate([Module("crm", Entity("deal", field with { Default = JsonNode.Parse(defaultJson) }))]);

    [Fact]
    public void A_choice_default_that_is_not_an_option_is_reported()
    {
        var errors = ValidateDefault(Choice("stage", FieldType.Choice, "open", "won"), "\"closed\"");

        ErrorAssert.Single(errors, File, "/fields/0/default", "default 'closed' is not among the options; expected one of open, won");
    }

    [Fact]
    public void A_multichoice_default_with_a_value_that_is_not_an_option_is_reported()
    {
        var errors = ValidateDefault(Choice("tags", FieldType.MultiChoice, "key", "hot"), """["key", "cold"]""");

        ErrorAssert.Single(errors, File, "/fields/0/default", "default 'cold' is not among the options");
    }

    [Fact]
    public void A_multichoice_default_that_is_not_an_array_is_reported()
    {
        var errors = ValidateDefault(Choice("tags", FieldType.MultiChoice, "key"), "\"key\"");

        ErrorAssert.Single(errors, File, "/fields/0/default", "must be an array of option values");
    }

    [Theory]
    [InlineData(FieldType.Integer, "\"ten\"", "a whole number")]
    [InlineData(FieldType.Integer, "1.5", "a whole number")]
    [InlineData(FieldType.Decimal, "\"1.5\"", "a number")]
    [InlineData(FieldType.Currency, "true", "a number")]
    [InlineData(FieldType.Boolean, "\"yes\"", "true or false")]
    [InlineData(FieldType.Text, "5", "a text")]
    [InlineData(FieldType.Email, "[]", "a text")]
    [InlineData(FieldType.Date, "\"31/12/2024\"", "an ISO 8601 date")]
    [InlineData(FieldType.Date, "\"2024-12-31T10:00:00Z\"", "an ISO 8601 date")]
    [InlineData(FieldType.Date, "20241231", "an ISO 8601 date")]
    [InlineData(FieldType.DateTime, "\"tomorrow\"", "an ISO 8601 date and time")]
    [InlineData(FieldType.DateTime, "\"12/31/2024 10:00\"", "an ISO 8601 date and time")]
    public void A_default_of_the_wrong_type_is_reported(FieldType type, string defaultJson, string expected)
    {
        var errors = ValidateDefault(Field("value", type), defaultJson);

        ErrorAssert.Single(errors, File, "/fields/0/default", $"must be {expected}");
    }

    [Theory]
    [InlineData(FieldType.Integer, "10")]
    [InlineData(FieldType.Decimal, "1.5")]
    [InlineData(FieldType.Boolean, "false")]
    [InlineData(FieldType.Text, "\"n/a\"")]
    [InlineData(FieldType.Date, "\"2024-12-31\"")]
    [InlineData(FieldType.DateTime, "\"2024-12-31T10:00:00Z\"")]
    [InlineData(FieldType.DateTime, "\"2024-12-31T10:00:00+08:00\"")]
    public void A_default_of_the_right_type_is_accepted(FieldType type, string defaultJson)
    {
        Assert.Empty(ValidateDefault(Field("value", type), defaultJson));
    }

    [Fact]
    public void A_lookup_cannot_have_a_default()
    {
        var errors = ValidateDefault(Lookup("parent", "deal"), "\"x\"");

        ErrorAssert.Single(errors, File, "/fields/0/default", "a lookup field cannot have a default");
    }
}
