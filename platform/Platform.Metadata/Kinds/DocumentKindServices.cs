using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Metadata.Kinds;

/// <summary>Registers document kinds for a host: a feature project calls <see cref="AddDocumentKind{TKind}"/> from its own AddXxx.</summary>
public static class DocumentKindServices
{
    /// <summary>The <see cref="DocumentKindCatalog"/> of the core and standard kinds and every registered one.</summary>
    public static IServiceCollection AddPlatformDocumentKinds(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new DocumentKindCatalog(provider.GetServices<DocumentKind>()));
        return services;
    }

    /// <summary>Adds a kind of definition document: module folders may then hold its files, validated, planned and exported.</summary>
    public static IServiceCollection AddDocumentKind<TKind>(this IServiceCollection services) where TKind : DocumentKind
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<DocumentKind, TKind>());
        return services.AddPlatformDocumentKinds();
    }
}
