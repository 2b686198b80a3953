namespace Platform.Metadata.Validation;

/// <summary>Rules across all entities of the set: unique names and renames.</summary>
internal static class EntitySetRules
{
    public static IEnumerable<DefinitionError> Check(ValidationContext context)
    {
        var renames = new Dictionary<string, EntityEntry>();
        foreach (var entry in context.Entities)
        {
            var first = context.EntitiesByName[entry.Entity.Name];
            if (!ReferenceEquals(first, entry))
                yield return entry.Error("/name", $"entity '{entry.Entity.Name}' is already defined in {first.File}");
            if (entry.Entity.RenamedFrom is not { } previous) continue;
            if (context.EntitiesByName.TryGetValue(previous, out var current))
                yield return entry.Error("/renamedFrom",
                    $"renamedFrom '{previous}' is the name of a current entity ({current.File}); it must be the entity's previous name");
            else if (!renames.TryAdd(previous, entry))
                yield return entry.Error("/renamedFrom", $"renamedFrom '{previous}' is already claimed by {renames[previous].File}");
        }
    }
}
