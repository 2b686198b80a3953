using Microsoft.AspNetCore.Http;
using Platform.Api.Security;
using Platform.Api.Tenants;
using Platform.Records;
using Platform.Records.Scripting;
using Platform.Workflows.Approvals;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Api;

/// <summary>
/// GET /inbox: the signed-in user's work — their pending approval tasks (kind "approval", oldest first) and, when the
/// tenant has a <c>task</c> entity, the open task records they own (kind "task", read with their permissions).
/// </summary>
internal static class GetInbox
{
    public const string TaskEntity = "task";
    private const int MaxItems = 200;

    public static async Task<IResult> HandleAsync(HttpContext http, RecordService records, ModuleWorkflowPublisher modules)
    {
        if (ApprovalAnswers.Caller(http) is not { } user) return ApprovalAnswers.NoUser();
        var runtime = TenantEndpointFilter.Runtime(http);
        var items = new List<object>();
        items.AddRange((await ApprovalStore.PendingForAsync(runtime, user, MaxItems, http.RequestAborted)).Select(ApprovalJson.Of));
        if (runtime.FindEntity(TaskEntity) is { } entity && entity.Fields.Any(f => f.Name == "status"))
        {
            var open = await new RecordServiceCrm(records, runtime, RequestActor.Of(http))
                .QueryAsync(TaskEntity, $"owner eq {user} and status eq 'open'", MaxItems, http.RequestAborted);
            items.AddRange(open.Select(task => (object)new
            {
                id = task.GetValueOrDefault("id"), kind = "task", subject = task.GetValueOrDefault("subject"), workflow = (string?)null, instanceId = (Guid?)null,
                entity = TaskEntity, recordId = task.GetValueOrDefault("id"), dueAt = task.GetValueOrDefault("due_at"), status = task.GetValueOrDefault("status"),
                // The record's ETag: marking the task done from the inbox sends it as If-Match (a 412 when someone changed it meanwhile).
                etag = task.GetValueOrDefault(Platform.Metadata.Definitions.SystemFields.RowVersion) is { } version ? $"\"{version}\"" : null,
            }));
        }
        return Results.Json(new { value = items });
    }
}
