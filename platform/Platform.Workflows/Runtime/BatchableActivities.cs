namespace Platform.Workflows.Runtime;

/// <summary>
/// Activity types whose every effect is on the instance's own state (variables, queue, bookmarks): no record write,
/// no message, no outside call. Consecutive steps of these run in one transaction, since re-running them from the
/// state before the batch gives the same result — which the engine does, one step per transaction, when a batch fails.
/// </summary>
internal static class BatchableActivities
{
    private static readonly HashSet<string> Types = ["SetVariable", "If", "Switch", "Fork", "Join", "Finish", "Delay", "WaitUntil"];

    public static bool Contains(string type) => Types.Contains(type);
}
