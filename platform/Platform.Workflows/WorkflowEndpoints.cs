using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Workflows.Api;

namespace Platform.Workflows;

public static class WorkflowEndpoints
{
    /// <summary>
    /// /api/{tenant}/workflows: definitions, drafts, publishing and test runs, and instances, for tenant administrators;
    /// the activity-type catalogue and starting a published workflow for any signed-in user of the tenant (the instance
    /// then acts with their permissions). Described in OpenAPI by <see cref="WorkflowOpenApi"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var workflows = endpoints.MapGroup("/api/{tenant}/workflows")
            .AddEndpointFilter<TenantEndpointFilter>()
            .AddEndpointFilter<ExceptionProblemFilter>();
        workflows.MapGet("/activity-types", ListActivityTypes.Handle);
        workflows.MapPost("/{id}/start", StartWorkflow.HandleAsync);

        var admin = workflows.MapGroup("").RequireAuthorization(AuthSchemes.AdminPolicy);
        admin.MapGet("", ListWorkflows.HandleAsync);
        admin.MapGet("/{id}/draft", GetDraft.HandleAsync);
        admin.MapPut("/{id}/draft", PutDraft.HandleAsync);
        admin.MapPost("/{id}/publish", PublishWorkflow.HandleAsync);
        admin.MapPost("/{id}/test-run", TestRunWorkflow.HandleAsync);
        admin.MapGet("/instances", ListInstances.HandleAsync);
        admin.MapGet("/instances/{id:guid}", GetInstance.HandleAsync);
        admin.MapPost("/instances/{id:guid}/cancel", CancelInstance.HandleAsync);
        admin.MapPost("/instances/{id:guid}/retry", RetryInstance.HandleAsync);
        endpoints.MapApprovalEndpoints();
        return endpoints;
    }
}
