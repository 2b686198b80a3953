namespace Platform.Workflows.Runtime;

/// <summary>
/// How journal entries are stored. A step that starts and completes an activity in the same instant (every state-only
/// step: both entries carry the step's time) is one row, event <see cref="Ran"/>, instead of a "started" and a
/// "completed" row; reading expands it into the two entries again, so the journal API answers exactly as before and
/// rows stored separately (older databases, steps that waited between) read unchanged. A short flow's instance writes
/// three rows instead of five.
/// </summary>
internal static class JournalRows
{
    /// <summary>A "started" entry and the "completed" entry right after it, of the same activity at the same time.</summary>
    public const string Ran = "ran";

    /// <summary>The rows to store for the entries of many instances, in order: adjacent started/completed pairs merged.</summary>
    public static List<(Guid Instance, JournalEntry Entry)> Merge(IReadOnlyList<(Guid Instance, JournalEntry Entry)> journal)
    {
        var rows = new List<(Guid, JournalEntry)>(journal.Count);
        for (var i = 0; i < journal.Count; i++)
        {
            var (instance, entry) = journal[i];
            if (i + 1 < journal.Count && journal[i + 1] is var (nextInstance, next) && nextInstance == instance && Pairs(entry, next))
            {
                rows.Add((instance, next with { Event = Ran }));
                i++;
                continue;
            }
            rows.Add((instance, entry));
        }
        return rows;
    }

    /// <summary>The entries a stored row stands for: two for a merged one, else the row itself.</summary>
    public static IEnumerable<JournalEntry> Expand(JournalEntry row)
    {
        if (row.Event != Ran)
        {
            yield return row;
            yield break;
        }
        yield return new JournalEntry(row.Sequence - 1, row.ActivityId, row.ActivityType, "started", null, null, row.At);
        yield return row with { Event = "completed" };
    }

    // Only what Expand gives back exactly: the started entry has nothing but its activity, sequence and time.
    private static bool Pairs(JournalEntry started, JournalEntry completed) =>
        started is { Event: "started", Outcome: null, Summary: null, ActivityId: not null } && completed.Event == "completed" &&
        completed.Sequence == started.Sequence + 1 && completed.ActivityId == started.ActivityId &&
        completed.ActivityType == started.ActivityType && completed.At == started.At;
}
