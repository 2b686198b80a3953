using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>Rules on one entity document: its name, file, primary field, relations and indexes.</summary>
internal static class EntityRules
{
    public static IEnumerable<DefinitionError> Check(EntityEntry entry)
    {
        var entity = entry.Entity;
        if (NameRules.CheckEntityName(entity.Name) is { } nameProblem)
            yield return entry.Error("/name", nameProblem);
        var fileName = Path.GetFileNameWithoutExtension(entry.File);
        if (fileName != entity.Name)
            yield return entry.Error("/name",
                $"the entity is named '{entity.Name}' but its file is '{Path.GetFileName(entry.File)}'; rename the file to '{entity.Name}.json'");
        if (entity.PrimaryField is { } primary && entity.FindField(primary) is null)
            yield return entry.Error("/primaryField",
                $"primaryField '{primary}' is not a field of '{entity.Name}'; expected one of {string.Join(", ", entity.Fields.Select(f => f.Name))}");
        foreach (var error in CheckRelations(entry)) yield return error;
        foreach (var error in CheckIndexes(entry)) yield return error;
    }

    private static IEnumerable<DefinitionError> CheckRelations(EntityEntry entry)
    {
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < entry.Entity.Relations.Count; i++)
        {
            var relation = entry.Entity.Relations[i];
            var at = $"/relations/{i}/name";
            if (NameRules.CheckRelationName(relation.Name) is { } nameProblem)
                yield return entry.Error(at, nameProblem);
            var field = entry.Entity.Fields.Select((f, index) => (f.Name, index)).FirstOrDefault(f => f.Name == relation.Name);
            if (field.Name is not null)
                yield return entry.Error(at, $"relation '{relation.Name}' has the same name as the field at /fields/{field.index}; both appear in the API");
            if (!seen.TryAdd(relation.Name, i))
                yield return entry.Error(at, $"relation '{relation.Name}' is already defined at /relations/{seen[relation.Name]}");
        }
    }

    private static IEnumerable<DefinitionError> CheckIndexes(EntityEntry entry)
    {
        var entity = entry.Entity;
        var byFields = new Dictionary<string, int>();
        var byName = new Dictionary<string, int>();
        for (var i = 0; i < entity.Indexes.Count; i++)
        {
            var index = entity.Indexes[i];
            var at = $"/indexes/{i}";
            if (index.Fields.Count == 0) yield return entry.Error($"{at}/fields", "an index needs at least one field");
            for (var k = 0; k < index.Fields.Count; k++)
            {
                var name = index.Fields[k];
                if (entity.FindField(name) is null && !SystemFields.IsSystem(name))
                    yield return entry.Error($"{at}/fields/{k}", $"'{name}' is not a field of '{entity.Name}'");
            }
            var key = string.Join(",", index.Fields);
            if (!byFields.TryAdd(key, i))
                yield return entry.Error(at, $"the index on ({string.Join(", ", index.Fields)}) duplicates /indexes/{byFields[key]}");
            if (index.Name is { } indexName && !byName.TryAdd(indexName, i))
                yield return entry.Error($"{at}/name", $"index name '{indexName}' is already used by /indexes/{byName[indexName]}");
        }
    }
}
