using Platform.Metadata.Validation;

namespace Platform.Metadata.Tests;

internal static class ErrorAssert
{
    /// <summary>Asserts there is exactly one error and that it is at <paramref name="pointer"/> of <paramref name="file"/>.</summary>
    public static DefinitionError Single(IReadOnlyList<DefinitionError> errors, string file, string pointer, string messagePart)
    {
        var error = Assert.Single(errors);
        Assert.Equal(file, error.File);
        Assert.Equal(pointer, error.Pointer);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }
}
