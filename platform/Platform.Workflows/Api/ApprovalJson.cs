using Platform.Workflows.Approvals;

namespace Platform.Workflows.Api;

/// <summary>Approval tasks as the API answers them (an inbox item of kind "approval").</summary>
internal static class ApprovalJson
{
    public static object Of(ApprovalTask task) => new
    {
        id = task.Id, kind = "approval", subject = task.Subject, workflow = task.WorkflowId, instanceId = task.InstanceId, activity = task.ActivityId,
        entity = task.Entity, recordId = task.RecordId, dueAt = task.DueAt, createdAt = task.CreatedAt, status = task.Status,
        assignee = task.Assignee, onBehalfOf = task.OriginalAssignee, submitter = task.Submitter, comment = task.Comment, decidedAt = task.DecidedAt,
    };
}
