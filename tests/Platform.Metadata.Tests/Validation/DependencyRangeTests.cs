using NuGet.Versioning;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Tests.Validation;

public class DependencyRangeTests
{
    [Theory]
    [InlineData("^1.2.0", "1.2.0", true)]
    [InlineData("^1.2.0", "1.9.3", true)]
    [InlineData("^1.2.0", "2.0.0", false)]
    [InlineData("^1.2.0", "1.1.9", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("~1.2.0", "1.2.7", true)]
    [InlineData("~1.2.0", "1.3.0", false)]
    [InlineData("~1", "1.9.0", true)]
    [InlineData("1.x", "1.4.2", true)]
    [InlineData("1.x", "2.0.0", false)]
    [InlineData("1.2.*", "1.2.5", true)]
    [InlineData("1.2.*", "1.3.0", false)]
    [InlineData("*", "9.9.9", true)]
    [InlineData(">=1.0.0 <2.0.0", "1.0.0", true)]
    [InlineData(">=1.0.0 <2.0.0", "2.0.0", false)]
    [InlineData(">1.0.0", "1.0.0", false)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("<=1.2", "1.3.0", false)]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    [InlineData("=1.2.3", "1.2.3", true)]
    [InlineData("v1.2.3", "1.2.3", true)]
    [InlineData("1.0.0 - 1.5", "1.5.9", true)]
    [InlineData("1.0.0 - 1.5", "1.6.0", false)]
    [InlineData("[1.0,2.0)", "1.9.9", true)]
    [InlineData("[1.0,2.0)", "2.0.0", false)]
    [InlineData("[1.2.3]", "1.2.3", true)]
    public void Npm_and_NuGet_ranges_match_as_their_ecosystems_define(string range, string version, bool satisfied)
    {
        Assert.True(DependencyRange.TryParse(range, out var parsed));
        Assert.Equal(satisfied, parsed.Satisfies(NuGetVersion.Parse(version)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("^1.2.0 || ^2.0.0")]
    [InlineData("1.2.3.4.5")]
    [InlineData("^1.x.3x")]
    [InlineData(">=2.0.0 <1.0.0")]
    [InlineData("[1.0,")]
    public void Invalid_ranges_are_rejected(string range)
    {
        Assert.False(DependencyRange.TryParse(range, out _));
    }
}
