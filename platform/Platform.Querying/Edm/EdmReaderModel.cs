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
/// Lookups stay Guid properties (the list answers a lookup as its id) and each also has its navigation property,
/// <c>&lt;field&gt;__ref</c> with a referential constraint on the id, when the reader sees both the field and the target
/// entity: <c>$expand=&lt;field&gt;__ref</c> (or <c>$expand=&lt;field&gt;</c>) answers the related record under that name for
/// OData clients, so the document describes the payload the client will read.
/// </remarks>
public static class EdmReaderModel
{
    /// <param name="sight">The reader's sight of an entity; null when they may not read it at all.</param>
    public static IEdmModel Build(EdmQueryModel source, Func<string, EdmEntitySight?> sight)
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(EdmModelBuilder.Namespace, EdmModelBuilder.ContainerName);
        model.AddElement(container);
        var seen = new Dictionary<string, (EdmEntityBinding Source, EdmEntitySight Sight, EdmEntityType Type, EdmEntitySet Set)>(StringComparer.Ordinal);
        foreach (var (name, binding) in source.Entities.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (sight(name) is not { } entitySight) continue;
            var type = new EdmEntityType(EdmModelBuilder.Namespace, binding.Type.Name);
            foreach (var property in binding.Type.StructuralProperties())
            {
                if (entitySight.Hidden.Contains(property.Name)) continue;
                var copy = type.AddStructuralProperty(property.Name, entitySight.Partial.Contains(property.Name) ? Nullable(property.Type) : property.Type);
                if (binding.Type.Key().Any(k => k.Name == property.Name)) type.AddKeys(copy);
            }
            model.AddElement(type);
            seen[name] = (binding, entitySight, type, container.AddEntitySet(binding.Set.Name, type));
        }
        foreach (var (_, (binding, entitySight, type, set)) in seen) AddNavigations(binding, entitySight, type, set, seen);
        return model;
    }

    private static void AddNavigations(EdmEntityBinding binding, EdmEntitySight entitySight, EdmEntityType type, EdmEntitySet set,
        IReadOnlyDictionary<string, (EdmEntityBinding Source, EdmEntitySight Sight, EdmEntityType Type, EdmEntitySet Set)> seen)
    {
        foreach (var navigation in binding.Type.NavigationProperties())
        {
            var field = binding.LookupOf(navigation.Name);
            if (field is null || entitySight.Hidden.Contains(field) || !seen.TryGetValue(navigation.ToEntityType().Name, out var target)) continue;
            var dependent = (IEdmStructuralProperty)type.FindProperty(field);
            var copy = type.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
            {
                Name = navigation.Name,
                Target = target.Type,
                // EDM requires '1' when the id may not be null (a masked lookup is nullable here, so its target is '0..1').
                TargetMultiplicity = dependent.Type.IsNullable ? EdmMultiplicity.ZeroOrOne : EdmMultiplicity.One,
                DependentProperties = [dependent],
                PrincipalProperties = target.Type.Key(),
            });
            set.AddNavigationTarget(copy, target.Set);
        }
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
