using Microsoft.AspNetCore.Http;
using Platform.Api.Security;
using Platform.Api.Tenants;
using Platform.Workflows.Definitions;
using Platform.Workflows.Runtime;
using Platform.Workflows.Triggers;
using Platform.Workflows.Validation;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>
/// POST /workflows/{id}/test-run <c>{"recordId", "input"}</c>: runs the draft (or, without one, the newest published
/// version) in memory on the record of its trigger's entity. Record writes, email, notifications and HTTP calls are
/// captured, not performed; the answer is the path taken, what was captured and where the run stopped.
/// </summary>
internal static class TestRunWorkflow
{
    public static async Task<IResult> HandleAsync(HttpContext http, string id, WorkflowValidator validator, WorkflowTestRunner runner, ModuleWorkflowPublisher modules)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var (body, problem) = await WorkflowRequests.ReadAsync(http);
        if (problem is not null) return problem;
        await modules.EnsureAsync(runtime, http.RequestAborted);
        var (recordId, badId) = WorkflowRequests.OptionalId(body, "recordId");
        if (badId is not null) return badId;
        var stored = await WorkflowDefinitionStore.FindAsync(runtime, id, WorkflowDefinitionStore.Draft, http.RequestAborted)
                     ?? await WorkflowDefinitionStore.LatestPublishedAsync(runtime, id, http.RequestAborted);
        if (stored is null) return ApiProblems.NotFound($"There is no workflow '{id}'.");
        var errors = validator.Validate(stored.Json, WorkflowRequests.FileOf(id), id, runtime.Definitions);
        if (errors.Count > 0) return WorkflowRequests.Invalid(errors);
        var definition = WorkflowParser.Parse(stored.Json);
        var actor = definition.RunAs is { } runAs ? WorkflowActors.RunAs(definition, runAs) : RequestActor.Of(http);
        var result = await runner.RunAsync(runtime, definition, recordId is null ? null : definition.Trigger.Entity ?? WorkflowRequests.Text(body, "entity"), recordId, body?["input"], actor, http.RequestAborted);
        return Results.Json(new
        {
            workflow = id, version = stored.Version, status = result.Status, path = result.Path, waitingAt = result.WaitingAt,
            captured = result.Captured, variables = result.Variables, journal = result.Journal.Select(WorkflowResponses.Journal),
            fault = result.Error is null ? null : new { activity = result.FaultedActivity, error = result.Error },
        });
    }
}
