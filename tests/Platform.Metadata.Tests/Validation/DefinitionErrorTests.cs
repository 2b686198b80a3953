using Platform.Metadata.Validation;

namespace Platform.Metadata.Tests.Validation;

public class DefinitionErrorTests
{
    [Fact]
    public void An_error_prints_as_file_pointer_message()
    {
        var error = new DefinitionError("sales/entities/opportunity.json", "/fields/2/options", "'options' is required");

        Assert.Equal("sales/entities/opportunity.json:/fields/2/options: 'options' is required", error.ToString());
    }

    [Theory]
    [InlineData("#/fields[0].type", "/fields/0/type")]
    [InlineData("#/dependsOn.crm-core", "/dependsOn/crm-core")]
    [InlineData("#/", "")]
    [InlineData("$.fields[12].options[0].value", "/fields/12/options/0/value")]
    [InlineData("$['a/b'].c", "/a~1b/c")]
    [InlineData("$", "")]
    public void Validator_and_serializer_paths_become_json_pointers(string path, string pointer)
    {
        Assert.Equal(pointer, JsonPointer.FromPath(path));
    }

    [Fact]
    public void Pointer_tokens_are_escaped()
    {
        Assert.Equal("/dependsOn/a~0b~1c", JsonPointer.Append("/dependsOn", "a~b/c"));
    }
}
