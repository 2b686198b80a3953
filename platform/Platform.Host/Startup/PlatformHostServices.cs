using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Api.Operator;
using Platform.Messaging;
using Platform.Runtime;
using Platform.Storage.Encryption;
using Platform.Templates;
using Platform.Tenancy;

namespace Platform.Host.Startup;

public static class PlatformHostServices
{
    public static IServiceCollection AddPlatformHost(this IServiceCollection services, IConfiguration configuration)
    {
        var options = PlatformHostOptions.From(configuration);
        SharedKeyRequirement.Check(configuration, options);
        services.AddSingleton(options);
        services.AddPlatformRuntime(options.Storage);
        services.AddSingleton(provider => EncryptionKeys.Load(configuration, provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EncryptionKeys).FullName!)));
        services.AddSingleton(new OperatorOptions(
            configuration["operator-key"] ?? Environment.GetEnvironmentVariable("PLATFORM_OPERATOR_KEY"), options.ModulesDirectory));
        services.AddSingleton<HostReadiness>();
        services.TryAddSingleton(TimeProvider.System); // the demo seeder dates its sample records from today
        services.AddSingleton<DemoDataSeeder>();
        services.AddHostedService<DemoTenantBootstrapper>();
        services.AddSingleton<IdempotencyPurge>();
        services.AddHostedService(provider => provider.GetRequiredService<IdempotencyPurge>());
        // Record-change events are delivered from each tenant's outbox after commit (the dispatcher is registered with the API).
        services.AddSingleton(OutboxSettings.From(configuration));
        services.AddHostedService<OutboxDelivery>();
        // Templates for email and notifications; email is queued per tenant and delivered in the background (SMTP
        // when email:smtp:host is set, else .eml files under the data directory's mail/ folder).
        services.AddPlatformTemplates();
        services.AddPlatformMessaging(configuration, options.DataDirectory);
        return services;
    }
}
