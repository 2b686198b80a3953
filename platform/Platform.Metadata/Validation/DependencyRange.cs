using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NuGet.Versioning;

namespace Platform.Metadata.Validation;

/// <summary>
/// Reads the version ranges of <c>dependsOn</c>: npm style (<c>^1.2.0</c>, <c>~1.2.0</c>, <c>1.x</c>, <c>&gt;=1.0.0 &lt;2.0.0</c>,
/// <c>1.0.0 - 2.0.0</c>, exact <c>1.2.3</c>) or NuGet interval style (<c>[1.0,2.0)</c>), as a NuGet <see cref="VersionRange"/>.
/// npm's <c>||</c> unions have no single-interval equivalent and are rejected.
/// </summary>
public static class DependencyRange
{
    public static bool TryParse(string text, [NotNullWhen(true)] out VersionRange? range)
    {
        range = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Contains("||", StringComparison.Ordinal)) return false;
        if (trimmed[0] is '[' or '(') return VersionRange.TryParse(trimmed, out range);

        var interval = Interval.All;
        var hyphen = trimmed.Split(" - ", StringSplitOptions.TrimEntries);
        var parts = hyphen.Length == 2
            ? [">=" + hyphen[0], "<=" + hyphen[1]]
            : trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (!TryParseComparator(part, out var comparator)) return false;
            interval = interval.Intersect(comparator);
        }
        if (interval.IsEmpty) return false;
        range = new VersionRange(interval.Lower.Version, interval.Lower.Inclusive, interval.Upper.Version, interval.Upper.Inclusive);
        return true;
    }

    private static bool TryParseComparator(string text, out Interval interval)
    {
        interval = Interval.All;
        var op = new[] { ">=", "<=", ">", "<", "=", "^", "~" }.FirstOrDefault(o => text.StartsWith(o, StringComparison.Ordinal)) ?? "";
        if (!PartialVersion.TryParse(text[op.Length..].TrimStart('v'), out var version)) return false;
        if (version.Major is null) return op is not ("<" or ">");

        interval = op switch
        {
            "" or "=" => version.IsFull ? Interval.Exactly(version.Floor) : Interval.From(version.Floor).Below(version.NextOfLastGiven),
            "^" => Interval.From(version.Floor).Below(version.NextCaret),
            "~" => Interval.From(version.Floor).Below(version.Minor is null ? version.NextMajor : version.NextMinor),
            ">=" => Interval.From(version.Floor),
            ">" => version.IsFull ? Interval.After(version.Floor) : Interval.From(version.NextOfLastGiven),
            "<" => Interval.All.Below(version.Floor),
            "<=" => version.IsFull ? Interval.All.UpTo(version.Floor) : Interval.All.Below(version.NextOfLastGiven),
            _ => Interval.All,
        };
        return true;
    }

    /// <summary>An npm version that may leave out (or wildcard with x or *) its minor and patch parts.</summary>
    private sealed record PartialVersion(int? Major, int? Minor, int? Patch, NuGetVersion Floor)
    {
        public bool IsFull => Patch is not null;
        public NuGetVersion NextMajor => new(Major!.Value + 1, 0, 0);
        public NuGetVersion NextMinor => new(Major!.Value, Minor!.Value + 1, 0);
        public NuGetVersion NextPatch => new(Major!.Value, Minor!.Value, Patch!.Value + 1);
        public NuGetVersion NextOfLastGiven => Minor is null ? NextMajor : Patch is null ? NextMinor : NextPatch;

        /// <summary>^ allows changes that keep the left-most non-zero part.</summary>
        public NuGetVersion NextCaret =>
            Major > 0 || Minor is null ? NextMajor : Minor > 0 || Patch is null ? NextMinor : NextPatch;

        public static bool TryParse(string text, [NotNullWhen(true)] out PartialVersion? version)
        {
            version = null;
            if (NuGetVersion.TryParseStrict(text, out var full))
            {
                version = new PartialVersion(full.Major, full.Minor, full.Patch, full);
                return true;
            }
            var parts = text.Split('.');
            if (parts.Length > 3) return false;
            var numbers = new int?[3];
            var wildcard = false;
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i] is "x" or "X" or "*") { wildcard = true; continue; }
                // "1.x.3" means nothing: once a part is a wildcard, the rest must be too.
                if (wildcard || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
                numbers[i] = number;
            }
            version = new PartialVersion(numbers[0], numbers[1], numbers[2], new NuGetVersion(numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0));
            return true;
        }
    }
}
