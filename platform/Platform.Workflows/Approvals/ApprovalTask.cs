namespace Platform.Workflows.Approvals;

/// <summary>One approver's task of an Approval activity, as stored in <see cref="ApprovalTables.Tasks"/>.</summary>
public sealed record ApprovalTask(
    Guid Id, Guid InstanceId, string WorkflowId, string ActivityId, string? Entity, Guid? RecordId, string Subject,
    Guid Assignee, Guid? OriginalAssignee, Guid? Submitter, string Status, string? Comment, DateTime CreatedAt, DateTime? DecidedAt, DateTime? DueAt);

/// <summary>The states of an approval task; every state but pending is final.</summary>
public static class ApprovalTaskStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Transferred = "transferred";
    public const string Returned = "returned";
    public const string Withdrawn = "withdrawn";
    public const string Cancelled = "cancelled";
}
