using Microsoft.OData.Edm;

namespace Platform.Querying.Edm;

/// <summary>What one reader may see of an entity: fields absent for them, and fields they read only in part (masked).</summary>
public sealed record EdmEntitySight(IReadOnlySet<string> Hidden, IReadOnlySet<string> Partial);

/// <summary>
/// The run-time EDM model as one reader sees it, for the OData <c>$metadata</c> document: entities the reader cannot
/// read are left out, and so are fields hidden from them; a masked field stays, nullable (a masked number reads as null).
/// Types and set names are those of the query model, so a client's URLs are the list endpoint's.
/// </summary>
/// <remarks>
/// Lookups stay Guid properties and the model has no navigation properties: the list answers a lookup as its id
/// (an expanded one in its place), and a document must describe the payload the client will read.
/// </remarks>
public static class EdmReaderModel
{
    /// <param name="sight">The reader's sight of an entity; null when they may not read it at all.</param>
    public static IEdmModel Build(EdmQueryModel source, Func<string, EdmEntitySight?> sight)
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(EdmModelBuilder.Namespace, EdmModelBuilder.ContainerName);
        model.AddElement(container);
        foreach (var (name, binding) in source.Entities.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (sight(name) is not { } seen) continue;
            var type = new EdmEntityType(EdmModelBuilder.Namespace, binding.Type.Name);
            foreach (var property in binding.Type.StructuralProperties())
            {
                if (seen.Hidden.Contains(property.Name)) continue;
                var copy = type.AddStructuralProperty(property.Name, seen.Partial.Contains(property.Name) ? Nullable(property.Type) : property.Type);
                if (binding.Type.Key().Any(k => k.Name == property.Name)) type.AddKeys(copy);
            }
            model.AddElement(type);
            container.AddEntitySet(binding.Set.Name, type);
        }
        return model;
    }

    private static IEdmTypeReference Nullable(IEdmTypeReference type) => type switch
    {
        { IsNullable: true } => type,
        IEdmStringTypeReference s => new EdmStringTypeReference(s.PrimitiveDefinition(), true, s.IsUnbounded, s.MaxLength, s.IsUnicode),
        IEdmDecimalTypeReference d => new EdmDecimalTypeReference(d.PrimitiveDefinition(), true, d.Precision, d.Scale),
        IEdmPrimitiveTypeReference p => EdmCoreModel.Instance.GetPrimitive(p.PrimitiveKind(), true),
        _ => type,
    };
}
