using System.Collections;

namespace Platform.Scripting;

/// <summary>
/// The one definition of "the same field value", for change detection (record events, audit, before-save hooks,
/// <c>record.changed</c>): lists (a multichoice's <c>string[]</c>, a script's array) are equal element by element,
/// anything else by <see cref="object.Equals(object, object)"/>. It lives here, the lowest project, so scripts use it too.
/// </summary>
public static class ValueEquality
{
    public static bool Same(object? a, object? b)
    {
        if (a is string || b is string || a is not IList x || b is not IList y) return Equals(a, b);
        if (x.Count != y.Count) return false;
        for (var i = 0; i < x.Count; i++)
            if (!Same(x[i], y[i])) return false;
        return true;
    }
}
