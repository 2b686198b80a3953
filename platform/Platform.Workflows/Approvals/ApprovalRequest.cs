namespace Platform.Workflows.Approvals;

/// <summary>
/// One approval as its submitter sees it: an Approval activity of an instance with all its tasks, and where it stands.
/// </summary>
/// <param name="Status">One of <see cref="ApprovalRequestStatus"/>.</param>
/// <param name="Tasks">Every approver's task, oldest first; the pending ones are the current approvers.</param>
public sealed record ApprovalRequest(
    Guid InstanceId, string WorkflowId, string ActivityId, string Subject, string? Entity, Guid? RecordId, Guid Submitter, string Status,
    DateTime SubmittedAt, DateTime? DecidedAt, DateTime? DueAt, IReadOnlyList<ApprovalTask> Tasks)
{
    public IEnumerable<ApprovalTask> Pending => Tasks.Where(t => t.Status == ApprovalTaskStatus.Pending);
}

/// <summary>Where a submitted approval stands: waiting, or how it completed (the Approval's port), or what became of its instance.</summary>
public static class ApprovalRequestStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Returned = "returned";
    public const string Withdrawn = "withdrawn";
    public const string TimedOut = "timedOut";
    /// <summary>The instance was cancelled (or faulted) before the approval completed.</summary>
    public const string Cancelled = "cancelled";
    public const string Faulted = "faulted";

    public static IReadOnlyList<string> All { get; } = [Pending, Approved, Rejected, Returned, Withdrawn, TimedOut, Cancelled, Faulted];

    /// <summary>The status of an Approval that completed through <paramref name="port"/>.</summary>
    public static string? OfPort(string? port) => port switch
    {
        Activities.Approval.ApprovalDescription.Approved => Approved,
        Activities.Approval.ApprovalDescription.Rejected => Rejected,
        Activities.Approval.ApprovalDescription.Returned => Returned,
        Activities.Approval.ApprovalDescription.Withdrawn => Withdrawn,
        Activities.Approval.ApprovalDescription.TimedOut => TimedOut,
        _ => null,
    };
}
