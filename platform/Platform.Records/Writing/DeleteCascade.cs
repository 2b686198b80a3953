using Platform.Metadata.Definitions;

namespace Platform.Records.Writing;

/// <summary>
/// The records one delete takes with it (the record itself, its cascade children, theirs...): a child already being
/// deleted is neither deleted again nor cleared, so cycles of cascading lookups end.
/// </summary>
internal sealed class DeleteCascade
{
    private readonly HashSet<(string Entity, Guid Id)> _deleting = [];

    public void Claim(string entity, Guid id) => _deleting.Add((entity, id));

    public bool IsDeleting(string entity, Guid id) => _deleting.Contains((entity, id));

    /// <summary>The lookups pointing at <paramref name="entity"/> whose onDelete is <paramref name="behavior"/>.</summary>
    public static IEnumerable<(EntityDefinition Child, FieldDefinition Field)> References(DefinitionSet definitions, string entity, DeleteBehavior behavior) =>
        from child in definitions.Entities
        from field in child.Fields
        where field.Type.Descriptor.IsReference && field.Target == entity && field.EffectiveOnDelete == behavior
        select (child, field);
}
