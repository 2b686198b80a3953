using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Api;

/// <summary>POST /workflows/instances/{id}/cancel: ends an instance that has not ended; its timers and bookmarks go, its incidents close.</summary>
internal static class CancelInstance
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid id, WorkflowEngine engine)
    {
        var result = await engine.CancelAsync(TenantEndpointFilter.Runtime(http), id, http.RequestAborted);
        return await InstanceCommands.AnswerAsync(http, id, result, "The instance has ended already.");
    }
}
