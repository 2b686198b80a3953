using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Workflows.Api;

namespace Platform.Workflows;

public static class ApprovalEndpoints
{
    /// <summary>
    /// /api/{tenant}/inbox and /api/{tenant}/approvals: the signed-in user's pending work and the actions on approval
    /// tasks (the tenant's fallback policy requires a signed-in user). Described in OpenAPI by <see cref="ApprovalOpenApi"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapApprovalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tenant = endpoints.MapGroup("/api/{tenant}")
            .AddEndpointFilter<TenantEndpointFilter>()
            .AddEndpointFilter<ExceptionProblemFilter>();
        tenant.MapGet("/inbox", (Delegate)GetInbox.HandleAsync);
        var approvals = tenant.MapGroup("/approvals");
        approvals.MapGet("/requests", (Delegate)ListMyRequests.HandleAsync);
        approvals.MapGet("/delegation", (Delegate)ApprovalDelegation.GetAsync);
        approvals.MapPut("/delegation", ApprovalDelegation.PutAsync);
        approvals.MapDelete("/delegation", (Delegate)ApprovalDelegation.DeleteAsync);
        approvals.MapPost("/{id:guid}/decision", DecideApproval.HandleAsync);
        approvals.MapPost("/{id:guid}/return", ReturnApproval.HandleAsync);
        approvals.MapPost("/{id:guid}/transfer", TransferApproval.HandleAsync);
        approvals.MapPost("/{id:guid}/add-approver", AddApprover.HandleAsync);
        approvals.MapPost("/{id:guid}/withdraw", WithdrawApproval.HandleAsync);
        return endpoints;
    }
}
