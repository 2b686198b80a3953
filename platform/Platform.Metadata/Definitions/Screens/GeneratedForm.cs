namespace Platform.Metadata.Definitions.Screens;

/// <summary>
/// The form of an entity no module gives one: the primary field, the required fields and the owner in the header, every
/// field in order in one section, and a related list per lookup of another entity to it and per many-to-many relation.
/// </summary>
public static class GeneratedForm
{
    private const int HeaderRequiredFields = 3;

    public static FormDefinition For(EntityDefinition entity, DefinitionSet definitions)
    {
        var header = new[] { entity.PrimaryField }.OfType<string>()
            .Concat(entity.Fields.Where(f => f.Required && f.Type != FieldType.LongText).Select(f => f.Name).Take(HeaderRequiredFields))
            .Append(SystemFields.Owner)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var rows = entity.Fields.Select(f => f.Name).Chunk(2).Select(pair => (IReadOnlyList<string>)pair).ToList();
        return new FormDefinition
        {
            Id = entity.Name,
            Entity = entity.Name,
            Label = entity.Label,
            Header = header,
            Tabs =
            [
                new FormTab
                {
                    Id = "general", Label = new LocalizedText(new Dictionary<string, string> { ["en"] = "General", ["zh-CN"] = "常规" }),
                    Sections = [new FormSection { Id = "main", Columns = 2, Rows = rows }],
                },
            ],
            RelatedLists = RelatedLists(entity, definitions).ToList(),
            Timeline = true,
            AuditHistory = entity.IsAudited,
        };
    }

    private static IEnumerable<RelatedList> RelatedLists(EntityDefinition entity, DefinitionSet definitions)
    {
        foreach (var other in definitions.Entities.OrderBy(e => e.Name, StringComparer.Ordinal))
            foreach (var lookup in other.Fields.Where(f => f.Type.Descriptor.IsReference && f.Target == entity.Name))
                yield return new RelatedList
                {
                    Entity = other.Name, Lookup = lookup.Name, Label = other.PluralLabel ?? other.Label,
                    Columns = GeneratedView.Columns(other, 4).Where(c => c != lookup.Name).ToList(),
                };
        foreach (var relation in entity.Relations)
            if (definitions.Find(relation.Target) is { } target)
                yield return new RelatedList { Relation = relation.Name, Label = relation.Label ?? target.PluralLabel, Columns = GeneratedView.Columns(target, 4) };
    }
}
