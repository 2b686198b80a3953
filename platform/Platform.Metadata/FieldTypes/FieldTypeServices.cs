using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Metadata.FieldTypes;

/// <summary>Registers field types: <c>services.AddFieldType&lt;PercentFieldType&gt;()</c> is all a new type needs.</summary>
public static class FieldTypeServices
{
    /// <summary>Makes the registry (built-ins included) available to DI.</summary>
    public static IServiceCollection AddFieldTypes(this IServiceCollection services)
    {
        services.TryAddSingleton(FieldTypeRegistry.Default);
        return services;
    }

    /// <summary>
    /// Adds a field type. It joins the process's registry at once, so documents read (and validated) from then on, by
    /// the host or static code alike, know it.
    /// </summary>
    public static IServiceCollection AddFieldType<T>(this IServiceCollection services) where T : FieldTypeDescriptor, new()
    {
        FieldTypeRegistry.Default.Register(new T());
        return services.AddFieldTypes();
    }
}
