using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>The answer to cancel and retry: the instance as it is now, or why nothing was done.</summary>
internal static class InstanceCommands
{
    public static async Task<IResult> AnswerAsync(HttpContext http, Guid id, InstanceCommandResult result, string wrongStatus)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        return result switch
        {
            InstanceCommandResult.NotFound => ApiProblems.NotFound($"There is no workflow instance {id}."),
            InstanceCommandResult.WrongStatus => ApiProblems.Of(StatusCodes.Status409Conflict, "Conflict", wrongStatus, "conflict"),
            InstanceCommandResult.Busy => ApiProblems.Of(StatusCodes.Status409Conflict, "Conflict", "The instance is running on a host right now; try again shortly.", "conflict"),
            _ => await WorkflowStore.FindInstanceAsync(runtime, id, http.RequestAborted) is { } row
                ? Results.Json(WorkflowResponses.Instance(row, InstanceState.Deserialize(row.State)))
                : ApiProblems.NotFound($"There is no workflow instance {id}."),
        };
    }
}
