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
    [InlineData("integer", "\"ten\"", "a whole number")]
    [InlineData("integer", "1.5", "a whole number")]
    [InlineData("decimal", "\"1.5\"", "a number")]
    [InlineData("currency", "true", "a number")]
    [InlineData("boolean", "\"yes\"", "true or false")]
    [InlineData("text", "5", "a text")]
    [InlineData("email", "[]", "a text")]
    [InlineData("date", "\"31/12/2024\"", "an ISO 8601 date")]
    [InlineData("date", "\"2024-12-31T10:00:00Z\"", "an ISO 8601 date")]
    [InlineData("date", "20241231", "an ISO 8601 date")]
    [InlineData("datetime", "\"tomorrow\"", "an ISO 8601 date and time")]
    [InlineData("datetime", "\"12/31/2024 10:00\"", "an ISO 8601 date and time")]
    public void A_default_of_the_wrong_type_is_reported(string type, string defaultJson, string expected)
    {
        var errors = ValidateDefault(Field("value", type), defaultJson);

        ErrorAssert.Single(errors, File, "/fields/0/default", $"must be {expected}");
    }

    [Theory]
    [InlineData("integer", "10")]
    [InlineData("decimal", "1.5")]
    [InlineData("boolean", "false")]
    [InlineData("text", "\"n/a\"")]
    [InlineData("date", "\"2024-12-31\"")]
    [InlineData("datetime", "\"2024-12-31T10:00:00Z\"")]
    [InlineData("datetime", "\"2024-12-31T10:00:00+08:00\"")]
    public void A_default_of_the_right_type_is_accepted(string type, string defaultJson)
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
