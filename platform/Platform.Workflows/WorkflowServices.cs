using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Metadata.Kinds;
using Platform.Workflows.Definitions;
using Platform.Records.Outbox;
using Platform.Storage.Physical;
using Platform.Workflows.Activities;
using Platform.Workflows.Effects;
using Platform.Workflows.Runtime;
using Platform.Workflows.Triggers;
using Platform.Workflows.Validation;

namespace Platform.Workflows;

public static class WorkflowServices
{
    /// <summary>
    /// The workflow runtime: its tables, the built-in activity types, the engine, record triggers (an outbox consumer),
    /// the timer and schedule poller, and email, notifications and templates through the messaging feature.
    /// Needs the records feature (<c>AddPlatformApi</c> or <c>AddPlatformRecords</c>), <c>AddPlatformTemplates</c> and <c>AddPlatformMessaging</c>.
    /// </summary>
    public static IServiceCollection AddPlatformWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformTables<WorkflowTables>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(WorkflowOptions.From(configuration));
        foreach (var type in BuiltInActivities.All) services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IActivityType), type));
        services.TryAddSingleton<ModuleWorkflowPublisher>();
        services.TryAddSingleton<ActivityRegistry>();
        // The validator and the workflow document kind read descriptions; in a host they are the registered, runnable types.
        services.TryAddSingleton<IActivityDescriptions>(provider => provider.GetRequiredService<ActivityRegistry>());
        services.AddWorkflowDefinitions();
        services.TryAddSingleton<WorkflowDirectory>();
        services.TryAddSingleton<WorkflowExpressions>();
        services.TryAddSingleton<IWorkflowTemplates, ScribanWorkflowTemplates>();
        services.TryAddSingleton<IWorkflowMailer, QueuedWorkflowMailer>();
        services.TryAddSingleton<IWorkflowNotifier, StoredWorkflowNotifier>();
        services.TryAddSingleton<WorkflowHttpPolicy>();
        services.TryAddSingleton<WorkflowHttp>();
        services.TryAddSingleton<WorkflowRunServices>();
        services.TryAddSingleton<WorkflowEngine>();
        services.TryAddSingleton<WorkflowTestRunner>();
        services.TryAddSingleton<WorkflowActors>();
        services.TryAddSingleton<ScheduleTriggers>();
        services.TryAddSingleton<WorkflowTriggerIndex>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, RecordTriggerConsumer>());
        services.AddHostedService<WorkflowTimers>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Platform.Api.OpenApi.IOpenApiContributor, Api.WorkflowOpenApi>());
        services.AddPlatformApprovals();
        return services;
    }

    /// <summary>Adds an activity type (built-in or a plugin's); a later registration of the same type name wins.</summary>
    public static IServiceCollection AddWorkflowActivity<T>(this IServiceCollection services) where T : class, IActivityType
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityType, T>());
        return services;
    }
}
