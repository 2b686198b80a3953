using Platform.Metadata.Definitions;

namespace Platform.Audit.Privacy;

/// <summary>
/// A way records of <see cref="Entity"/> refer to a data subject: a lookup field pointing at it, or a many-to-many
/// relation (declared on either side; <see cref="Junction"/> names its table).
/// </summary>
public sealed record SubjectReference(EntityDefinition Entity, FieldDefinition? Lookup, RelationDefinition? Relation, string? Junction, bool SubjectIsSource)
{
    /// <summary>How the export names the reference: the lookup field, or the relation as entity.relation.</summary>
    public string Via => Lookup?.Name ?? $"{(SubjectIsSource ? "" : Entity.Name + ".")}{Relation!.Name}";

    public static IReadOnlyList<SubjectReference> To(DefinitionSet definitions, EntityDefinition subject)
    {
        var references = new List<SubjectReference>();
        foreach (var entity in definitions.Entities.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            foreach (var field in entity.Fields.Where(f => f.Type.Descriptor.IsReference && f.Target == subject.Name))
                references.Add(new SubjectReference(entity, field, null, null, false));
            foreach (var relation in entity.Relations.Where(r => r.Target == subject.Name))
                references.Add(new SubjectReference(entity, null, relation, Storage.Physical.IdentifierNames.Junction(entity.Name, relation.Name), false));
        }
        // The subject's own relations: the records it links to.
        foreach (var relation in subject.Relations)
        {
            if (definitions.Find(relation.Target) is { } target)
                references.Add(new SubjectReference(target, null, relation, Storage.Physical.IdentifierNames.Junction(subject.Name, relation.Name), true));
        }
        return references;
    }
}
