using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Templates;

public static class TemplateServices
{
    /// <summary>The template renderer and its per-tenant cache of parsed templates.</summary>
    public static IServiceCollection AddPlatformTemplates(this IServiceCollection services)
    {
        services.TryAddSingleton(new TemplateCache());
        services.TryAddSingleton(TemplateLimits.Default);
        services.TryAddSingleton(provider => new TemplateRenderer(provider.GetRequiredService<TemplateCache>(), provider.GetRequiredService<TemplateLimits>()));
        return services;
    }
}
