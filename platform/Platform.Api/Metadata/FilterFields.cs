using System.Text.RegularExpressions;

namespace Platform.Api.Metadata;

/// <summary>The names an OData $filter text mentions (outside its string literals): enough to tell which fields a view's filter reads.</summary>
internal static partial class FilterFields
{
    public static IEnumerable<string> Named(string filter) =>
        Identifier().Matches(StringLiteral().Replace(filter, "''")).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}
