using Microsoft.OData.Edm;

namespace Platform.Querying.Edm;

/// <summary>A run-time EDM model and, per entity, what the translator needs to map parsed nodes back to columns.</summary>
public sealed class EdmQueryModel(string cacheKey, IEdmModel model, IReadOnlyDictionary<string, EdmEntityBinding> entities)
{
    public string CacheKey { get; } = cacheKey;
    public IEdmModel Model { get; } = model;
    public IReadOnlyDictionary<string, EdmEntityBinding> Entities { get; } = entities;

    public EdmEntityBinding? Find(string entity) => Entities.GetValueOrDefault(entity);
}
