using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Metadata.Kinds;
using Platform.Workflows.Activities;
using Platform.Workflows.Definitions;
using Platform.Workflows.Templates;
using Platform.Workflows.Validation;

namespace Platform.Workflows;

public static class WorkflowDefinitionServices
{
    /// <summary>
    /// The workflow document kind (<c>workflows/</c> in module folders), module templates (<c>templates/</c>) and the validator, without the runtime: the
    /// activity types are the built-in descriptions unless the runtime registered its own (<c>AddPlatformWorkflows</c>).
    /// The CLI calls this so validate, plan and export accept the module folders a host does.
    /// </summary>
    public static IServiceCollection AddWorkflowDefinitions(this IServiceCollection services)
    {
        services.TryAddSingleton<IActivityDescriptions>(ActivityDescriptions.BuiltIn);
        services.TryAddSingleton<WorkflowValidator>();
        services.AddDocumentKind<ModuleTemplateKind>();
        return services.AddDocumentKind<WorkflowKind>();
    }
}
