using Microsoft.AspNetCore.Http;
using Platform.Api.Security;
using Platform.Api.Tenants;
using Platform.Records;
using Platform.Workflows.Runtime;
using Platform.Workflows.Triggers;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>
/// POST /workflows/{id}/start <c>{"recordId", "input"}</c>: starts the newest published version on a record of its
/// trigger's entity (which the caller must be able to read), acting as the caller unless the workflow runs as a role.
/// Answers the instance after it first waits, ends or faults.
/// </summary>
internal static class StartWorkflow
{
    public static async Task<IResult> HandleAsync(HttpContext http, string id, WorkflowEngine engine, RecordService records, ModuleWorkflowPublisher modules)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var (body, problem) = await WorkflowRequests.ReadAsync(http);
        if (problem is not null) return problem;
        await modules.EnsureAsync(runtime, http.RequestAborted);
        var (recordId, badId) = WorkflowRequests.OptionalId(body, "recordId");
        if (badId is not null) return badId;
        if (await WorkflowDefinitionStore.LatestPublishedAsync(runtime, id, http.RequestAborted) is not { } stored)
            return ApiProblems.NotFound($"The workflow '{id}' has no published version.");
        var definition = engine.Definition(runtime, stored);
        var caller = RequestActor.Of(http);
        string? entity = null;
        if (recordId is { } record)
        {
            entity = definition.Trigger.Entity ?? WorkflowRequests.Text(body, "entity");
            if (entity is null) return ApiProblems.BadRequest($"The workflow '{id}' has no record trigger: name the record's entity in 'entity'.");
            // The caller must see the record (a 404 otherwise, through the record exception filter).
            await records.GetAsync(runtime, entity, record, caller, http.RequestAborted);
        }
        var actor = definition.RunAs is { } runAs ? WorkflowActors.RunAs(definition, runAs) : caller;
        var instanceId = await engine.StartAsync(runtime, stored, new StartRequest(entity, recordId, body?["input"], actor, null), http.RequestAborted);
        var row = await WorkflowStore.FindInstanceAsync(runtime, instanceId!.Value, http.RequestAborted);
        return Results.Json(WorkflowResponses.Instance(row!, InstanceState.Deserialize(row!.State)), statusCode: StatusCodes.Status201Created);
    }
}
