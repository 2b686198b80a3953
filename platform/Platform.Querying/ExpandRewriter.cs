using System.Text;

namespace Platform.Querying;

/// <summary>
/// Renames the top-level items of a $expand from lookup field names to their EDM navigation names
/// (see <see cref="Edm.EdmModelBuilder"/>), leaving nested options and quoted text alone. It only finds where
/// each item starts; the OData parser still parses and validates the whole option.
/// </summary>
internal static class ExpandRewriter
{
    public static string Rewrite(string expand, Func<string, string?> navigationFor)
    {
        var result = new StringBuilder(expand.Length + 16);
        var depth = 0;
        var quoted = false;
        var itemStart = true;
        var i = 0;
        while (i < expand.Length)
        {
            var c = expand[i];
            if (quoted)
            {
                // An escaped quote ('') closes and reopens, which leaves the state right.
                if (c == '\'') quoted = false;
                result.Append(c);
                i++;
                continue;
            }
            if (depth == 0 && itemStart && !char.IsWhiteSpace(c))
            {
                var start = i;
                while (i < expand.Length && (char.IsAsciiLetterOrDigit(expand[i]) || expand[i] == '_')) i++;
                var name = expand[start..i];
                result.Append(name.Length > 0 ? navigationFor(name) ?? name : "");
                itemStart = false;
                continue;
            }
            switch (c)
            {
                case '\'': quoted = true; break;
                case '(': depth++; break;
                case ')': depth--; break;
                case ',' when depth == 0: itemStart = true; break;
            }
            result.Append(c);
            i++;
        }
        return result.ToString();
    }
}
