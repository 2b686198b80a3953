using System.Text;

namespace Platform.Metadata.Validation;

/// <summary>Builds RFC 6901 JSON pointers, the location format of <see cref="DefinitionError"/>.</summary>
public static class JsonPointer
{
    public const string Root = "";

    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, string token) => $"{pointer}/{Escape(token)}";

    public static string Append(string pointer, int index) => $"{pointer}/{index}";

    /// <summary>
    /// Converts a dotted path as NJsonSchema (<c>#/fields[0].type</c>) or System.Text.Json (<c>$.fields[0]['a.b']</c>)
    /// writes it to a pointer (<c>/fields/0/type</c>).
    /// </summary>
    public static string FromPath(string path)
    {
        var rest = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#', '$');
        var pointer = new StringBuilder();
        var i = 0;
        while (i < rest.Length)
        {
            if (rest[i] == '.') { i++; continue; }
            if (rest[i] == '[')
            {
                var quoted = i + 1 < rest.Length && rest[i + 1] == '\'';
                var end = quoted ? rest.IndexOf("']", i + 2, StringComparison.Ordinal) : rest.IndexOf(']', i + 1);
                if (end < 0) end = rest.Length;
                var token = quoted ? rest[(i + 2)..end] : rest[(i + 1)..end];
                pointer.Append('/').Append(Escape(token));
                i = Math.Min(rest.Length, end + (quoted ? 2 : 1));
                continue;
            }
            var next = rest.IndexOfAny(['.', '['], i);
            if (next < 0) next = rest.Length;
            pointer.Append('/').Append(Escape(rest[i..next]));
            i = next;
        }
        return pointer.ToString();
    }
}
