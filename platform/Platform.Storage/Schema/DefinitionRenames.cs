using Platform.Metadata.Definitions;
using Platform.Storage.Physical;

namespace Platform.Storage.Schema;

/// <summary>
/// The renames between what a tenant has and what it is about to have. A rename is never guessed: it is declared by
/// a <c>renamedFrom</c> of the target, or it undoes one the current definitions declared (going back to the previous
/// definitions, whose documents no longer say anything about the rename). A <c>renamedFrom</c> naming something the
/// tenant does not have (typically: already renamed) is ignored, so applying the same documents twice is a no-op.
/// </summary>
public sealed class DefinitionRenames
{
    public static DefinitionRenames None { get; } = new([], []);

    private DefinitionRenames(IReadOnlyList<EntityRename> entities, IReadOnlyList<FieldRename> fields)
    {
        Entities = entities;
        Fields = fields;
    }

    public IReadOnlyList<EntityRename> Entities { get; }
    public IReadOnlyList<FieldRename> Fields { get; }
    public bool IsEmpty => Entities.Count == 0 && Fields.Count == 0;

    public static DefinitionRenames Find(DefinitionSet current, DefinitionSet target)
    {
        var entities = new List<EntityRename>();
        var renamedSources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in target.Entities.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (current.Contains(entity.Name)) continue;
            var from = entity.RenamedFrom is { } declared && current.Contains(declared) && !target.Contains(declared)
                ? declared
                : current.Entities.Where(c => c.RenamedFrom == entity.Name && !target.Contains(c.Name)).Select(c => c.Name).FirstOrDefault();
            if (from is not null && renamedSources.Add(from)) entities.Add(new EntityRename(from, entity.Name));
        }

        var fields = new List<FieldRename>();
        foreach (var entity in target.Entities.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var currentName = entities.FirstOrDefault(r => r.To == entity.Name)?.From ?? entity.Name;
            if (current.Find(currentName) is not { } before) continue;
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in entity.Fields)
            {
                if (before.FindField(field.Name) is not null) continue;
                var from = field.RenamedFrom is { } declared && before.FindField(declared) is not null && entity.FindField(declared) is null
                    ? declared
                    : before.Fields.Where(c => c.RenamedFrom == field.Name && entity.FindField(c.Name) is null).Select(c => c.Name).FirstOrDefault();
                if (from is not null && taken.Add(from)) fields.Add(new FieldRename(entity.Name, from, field.Name));
            }
        }
        return entities.Count == 0 && fields.Count == 0 ? None : new DefinitionRenames(entities, fields);
    }

    /// <summary>The current definitions with these renames applied: diffing them against the target shows no drop + add.</summary>
    public DefinitionSet ApplyTo(DefinitionSet current)
    {
        if (IsEmpty) return current;
        var modules = current.Modules.Select(m => m with
        {
            Entities = m.Entities.Select(d => d with { Document = Rename(d.Document) }).ToList(),
        }).ToList();
        return new DefinitionSet(modules);
    }

    /// <summary>Old table name to new, including the junction tables of renamed entities.</summary>
    public IReadOnlyDictionary<string, string> TableRenames(DefinitionSet current)
    {
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rename in Entities)
        {
            tables[rename.From] = rename.To;
            foreach (var relation in current.Find(rename.From)?.Relations ?? [])
                tables[IdentifierNames.Junction(rename.From, relation.Name)] = IdentifierNames.Junction(rename.To, relation.Name);
        }
        return tables;
    }

    private EntityDefinition Rename(EntityDefinition entity)
    {
        var name = EntityName(entity.Name);
        string FieldName(string field) => Fields.FirstOrDefault(r => r.Entity == name && r.From == field)?.To ?? field;
        return entity with
        {
            Name = name,
            PrimaryField = entity.PrimaryField is null ? null : FieldName(entity.PrimaryField),
            Fields = entity.Fields.Select(f => f with
            {
                Name = FieldName(f.Name),
                Target = f.Target is null ? null : EntityName(f.Target),
            }).ToList(),
            Relations = entity.Relations.Select(r => r with { Target = EntityName(r.Target) }).ToList(),
            Indexes = entity.Indexes.Select(i => i with { Fields = i.Fields.Select(FieldName).ToList() }).ToList(),
        };
    }

    private string EntityName(string entity) => Entities.FirstOrDefault(r => r.From == entity)?.To ?? entity;
}
