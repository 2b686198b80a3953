using Platform.Metadata.Definitions;
using Platform.Records.Security;

namespace Platform.Security.Tests;

/// <summary>The documented masking rule of each field type.</summary>
public sealed class FieldMaskingTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("+86 138 1234 1234", "+86**********1234")]
    [InlineData("12345", "***45")]
    public void Phones_keep_their_first_three_and_last_four_characters(string phone, string masked) =>
        Assert.Equal(masked, FieldMasking.Mask(new FieldDefinition { Name = "p", Type = FieldType.Phone }, phone));

    [Fact]
    public void Emails_keep_the_first_letter_and_the_domain_and_numbers_read_as_null()
    {
        Assert.Equal("j***@example.com", FieldMasking.Mask(new() { Name = "e", Type = FieldType.Email }, "john@example.com"));
        Assert.Null(FieldMasking.Mask(new() { Name = "n", Type = FieldType.Integer }, 42L));
    }
}
