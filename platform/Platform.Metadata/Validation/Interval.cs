using NuGet.Versioning;

namespace Platform.Metadata.Validation;

/// <summary>A version interval, the shape every npm comparator set reduces to; intersecting them builds a range.</summary>
internal readonly record struct Interval(Bound Lower, Bound Upper)
{
    public static Interval All => new(new Bound(null, false), new Bound(null, false));

    public static Interval From(NuGetVersion lower) => All with { Lower = new Bound(lower, true) };

    public static Interval After(NuGetVersion lower) => All with { Lower = new Bound(lower, false) };

    public static Interval Exactly(NuGetVersion version) => new(new Bound(version, true), new Bound(version, true));

    public Interval Below(NuGetVersion upper) => Intersect(this with { Upper = new Bound(upper, false) });

    public Interval UpTo(NuGetVersion upper) => Intersect(this with { Upper = new Bound(upper, true) });

    public bool IsEmpty
    {
        get
        {
            if (Lower.Version is null || Upper.Version is null) return false;
            var order = Lower.Version.CompareTo(Upper.Version);
            return order > 0 || (order == 0 && !(Lower.Inclusive && Upper.Inclusive));
        }
    }

    public Interval Intersect(Interval other) => new(Tighter(Lower, other.Lower, higher: true), Tighter(Upper, other.Upper, higher: false));

    private static Bound Tighter(Bound a, Bound b, bool higher)
    {
        if (a.Version is null) return b;
        if (b.Version is null) return a;
        var order = a.Version.CompareTo(b.Version);
        if (order == 0) return new Bound(a.Version, a.Inclusive && b.Inclusive);
        return (order > 0) == higher ? a : b;
    }
}
