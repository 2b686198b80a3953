namespace Platform.Workflows.Runtime;

/// <summary>An instance's status as stored and answered.</summary>
public static class WorkflowStatus
{
    public const string Running = "running";
    public const string Suspended = "suspended";
    public const string Finished = "finished";
    public const string Faulted = "faulted";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Running, Suspended, Finished, Faulted, Cancelled];

    public static bool IsEnded(string status) => status is Finished or Cancelled;
}
