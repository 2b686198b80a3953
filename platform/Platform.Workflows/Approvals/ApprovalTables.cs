using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Workflows.Approvals;

/// <summary>
/// A tenant's approval tasks (one row per approver of an Approval activity, written in the step that opens or decides
/// it, with the instance's state) and its users' out-of-office delegations.
/// </summary>
public sealed class ApprovalTables : IPlatformTables
{
    public const string Tasks = "platform_wf_approval_tasks";
    public const string Delegations = "platform_wf_delegations";

    public static ApprovalTables Instance { get; } = new();

    public IReadOnlyList<TableModel> Tables { get; } =
    [
        new(Tasks,
        [
            // Also the id of the bookmark the approver's decision resumes.
            new("id", ValueKind.Guid, typeof(Guid), false),
            new("instance_id", ValueKind.Guid, typeof(Guid), false),
            new("workflow_id", ValueKind.String, typeof(string), false, MaxLength: 100),
            new("activity_id", ValueKind.String, typeof(string), false, MaxLength: 100),
            new("entity", ValueKind.String, typeof(string), true, MaxLength: 100),
            new("record_id", ValueKind.Guid, typeof(Guid), true),
            new("subject", ValueKind.String, typeof(string), false, MaxLength: 500),
            new("assignee", ValueKind.Guid, typeof(Guid), false),
            // The approver the task was for when a delegate (out of office) or a transfer received it.
            new("original_assignee", ValueKind.Guid, typeof(Guid), true),
            new("submitter", ValueKind.Guid, typeof(Guid), true),
            // pending, approved, rejected, transferred, returned, withdrawn, cancelled
            new("status", ValueKind.String, typeof(string), false, MaxLength: 20),
            new("comment", ValueKind.String, typeof(string), true, MaxLength: 4000),
            new("created_at", ValueKind.DateTime, typeof(DateTime), false),
            new("decided_at", ValueKind.DateTime, typeof(DateTime), true),
            new("due_at", ValueKind.DateTime, typeof(DateTime), true),
        ], ["id"],
        [
            new IndexModel("ix_platform_wf_approval_tasks_assignee", ["assignee", "status"], false),
            new IndexModel("ix_platform_wf_approval_tasks_instance", ["instance_id", "activity_id"], false),
        ], []),
        new(Delegations,
        [
            new("user_id", ValueKind.Guid, typeof(Guid), false),
            new("delegate_user_id", ValueKind.Guid, typeof(Guid), false),
            new("from_at", ValueKind.DateTime, typeof(DateTime), false),
            new("until_at", ValueKind.DateTime, typeof(DateTime), false),
            new("saved_at", ValueKind.DateTime, typeof(DateTime), false),
        ], ["user_id"], [], []),
    ];
}
