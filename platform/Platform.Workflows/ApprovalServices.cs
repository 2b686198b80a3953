using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Storage.Physical;
using Platform.Workflows.Approvals;

namespace Platform.Workflows;

public static class ApprovalServices
{
    /// <summary>Approval tasks and delegations (tables), the actions on tasks and the approval routes' OpenAPI (added by <see cref="WorkflowServices.AddPlatformWorkflows"/>).</summary>
    public static IServiceCollection AddPlatformApprovals(this IServiceCollection services)
    {
        services.AddPlatformTables<ApprovalTables>();
        services.TryAddSingleton<ApprovalCommands>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Platform.Api.OpenApi.IOpenApiContributor, Api.ApprovalOpenApi>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Platform.Api.OpenApi.IOpenApiContributor, Api.ApprovalRequestsOpenApi>());
        return services;
    }
}
