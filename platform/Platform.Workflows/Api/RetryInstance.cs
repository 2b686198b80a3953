using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Api;

/// <summary>POST /workflows/instances/{id}/retry: runs a faulted instance again from the activity that failed.</summary>
internal static class RetryInstance
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid id, WorkflowEngine engine)
    {
        var result = await engine.RetryAsync(TenantEndpointFilter.Runtime(http), id, http.RequestAborted);
        return await InstanceCommands.AnswerAsync(http, id, result, "Only a faulted instance can be retried.");
    }
}
