namespace Platform.Querying.Apply;

/// <summary>One transformation of $apply as written, with where it starts (0-based), for errors that name the position.</summary>
internal readonly record struct ApplySegment(string Text, int Position)
{
    /// <summary>The transformation's name: the text before its opening parenthesis.</summary>
    public string Name => Text.IndexOf('(') is var open and > 0 ? Text[..open].Trim() : Text.Trim();
}

/// <summary>
/// Splits $apply at its top-level '/' (outside parentheses and quoted text). The OData parser produces one
/// transformation per segment, so the n-th transformation's text and position are the n-th segment's.
/// </summary>
internal static class ApplySegments
{
    public static IReadOnlyList<ApplySegment> Split(string apply)
    {
        var segments = new List<ApplySegment>();
        var depth = 0;
        var start = 0;
        var quoted = false;
        for (var i = 0; i < apply.Length; i++)
        {
            var c = apply[i];
            if (c == '\'') quoted = !quoted; // '' inside a literal toggles twice
            else if (quoted) continue;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '/' && depth == 0)
            {
                segments.Add(new ApplySegment(apply[start..i], start));
                start = i + 1;
            }
        }
        segments.Add(new ApplySegment(apply[start..], start));
        return segments;
    }
}
