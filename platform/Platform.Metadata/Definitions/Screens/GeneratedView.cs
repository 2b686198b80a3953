namespace Platform.Metadata.Definitions.Screens;

/// <summary>The default view of an entity no module gives one: the primary and required fields first, then the others (long texts left out), newest changes first.</summary>
public static class GeneratedView
{
    private const int MaxColumns = 6;

    public static ViewDefinition For(EntityDefinition entity) => new()
    {
        Id = $"{entity.Name}-all",
        Entity = entity.Name,
        Label = entity.PluralLabel ?? entity.Label ?? new LocalizedText(entity.Name),
        Columns = Columns(entity, MaxColumns).Select(f => new ViewColumn { Field = f }).ToList(),
        Sort = [new ViewSort { Field = SystemFields.ModifiedAt, Direction = "desc" }],
        Default = true,
    };

    /// <summary>Up to <paramref name="max"/> fields for columns: the primary field, the required ones, then the rest in order.</summary>
    public static IReadOnlyList<string> Columns(EntityDefinition entity, int max) =>
        new[] { entity.PrimaryField }.OfType<string>()
            .Concat(entity.Fields.Where(f => f.Required).Select(f => f.Name))
            .Concat(entity.Fields.Select(f => f.Name))
            .Where(name => entity.FindField(name)?.Type != FieldType.LongText)
            .Distinct(StringComparer.Ordinal)
            .Take(max)
            .ToList();
}
