using System.Text;

namespace Platform.Querying;

/// <summary>
/// Renames a lookup field to its EDM navigation where a $filter follows it to the record it points to
/// (<c>account/name</c> becomes <c>account__ref/name</c>, see <see cref="Edm.EdmModelBuilder"/>), leaving quoted text
/// and every other name alone; the OData parser still parses and validates the whole option.
/// </summary>
internal static class FilterPathRewriter
{
    public static string Rewrite(string filter, Func<string, string?> navigationFor)
    {
        var result = new StringBuilder(filter.Length + 16);
        var i = 0;
        while (i < filter.Length)
        {
            var c = filter[i];
            if (c == '\'')
            {
                // A quoted literal, with '' as an escaped quote inside it: copied as it is.
                var end = i + 1;
                while (end < filter.Length && (filter[end] != '\'' || (end + 1 < filter.Length && filter[end + 1] == '\'' && ++end > 0))) end++;
                end = Math.Min(end + 1, filter.Length);
                result.Append(filter, i, end - i);
                i = end;
                continue;
            }
            if (IsNameChar(c) && (i == 0 || !IsNameChar(filter[i - 1]) && filter[i - 1] != '/'))
            {
                var start = i;
                while (i < filter.Length && IsNameChar(filter[i])) i++;
                var name = filter[start..i];
                result.Append(i < filter.Length && filter[i] == '/' && navigationFor(name) is { } navigation ? navigation : name);
                continue;
            }
            result.Append(c);
            i++;
        }
        return result.ToString();
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
