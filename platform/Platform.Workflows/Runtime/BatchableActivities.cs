namespace Platform.Workflows.Runtime;

/// <summary>
/// Activity types whose every effect is on the instance's own state (variables, queue, bookmarks), or in the step's
/// transaction only (an Approval's task rows and notifications): no record write through the pipeline, no e-mail, no
/// outside call. Consecutive steps of these run in one transaction, since re-running them from the state before the
/// batch gives the same result — which the engine does, one step per transaction, when a batch fails.
/// </summary>
internal static class BatchableActivities
{
    private static readonly HashSet<string> Types = ["SetVariable", "If", "Switch", "Fork", "Join", "Finish", "Delay", "WaitUntil", "Approval"];

    public static bool Contains(string type) => Types.Contains(type);
}
