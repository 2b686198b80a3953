using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Providers;

namespace Platform.Storage.Physical;

/// <summary>Turns a definition set into the tables a tenant database must have.</summary>
public static class PhysicalModelBuilder
{
    public static PhysicalModel Build(DefinitionSet definitions, DatabaseProvider provider)
    {
        var tables = new List<TableModel>(PlatformTables.All);
        foreach (var entity in definitions.Entities.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            tables.Add(EntityTable(entity, provider));
            tables.AddRange(entity.Relations.Select(r => JunctionTable(entity, r)));
        }
        return new PhysicalModel(definitions, provider, tables);
    }

    private static TableModel EntityTable(EntityDefinition entity, DatabaseProvider provider)
    {
        var name = entity.Name;
        var columns = new List<ColumnModel> { new(SystemFields.Id, ValueKind.Guid, typeof(Guid), false) };
        columns.AddRange(entity.Fields.Select(f => FieldColumnMapper.Map(f, provider)));
        columns.AddRange(
        [
            new(SystemFields.CreatedAt, ValueKind.DateTime, typeof(DateTime), false),
            new(SystemFields.CreatedBy, ValueKind.Guid, typeof(Guid), true),
            new(SystemFields.ModifiedAt, ValueKind.DateTime, typeof(DateTime), false),
            new(SystemFields.ModifiedBy, ValueKind.Guid, typeof(Guid), true),
            new(SystemFields.Owner, ValueKind.Guid, typeof(Guid), true),
            new(SystemFields.OwningBusinessUnit, ValueKind.String, typeof(string), true, MaxLength: 50),
            new(SystemFields.RowVersion, ValueKind.Integer, typeof(long), false, DefaultValue: 1L),
        ]);

        var indexes = new List<IndexModel>();
        void AddIndex(IndexModel index)
        {
            if (indexes.Any(i => i.Columns.SequenceEqual(index.Columns)))
            {
                // A unique index covers a plain one on the same columns.
                if (index.IsUnique) indexes.RemoveAll(i => i.Columns.SequenceEqual(index.Columns));
                else return;
            }
            indexes.Add(index);
        }

        foreach (var field in entity.Fields)
        {
            if (field.Unique || field.Type.Descriptor is INumberedFieldType)
                AddIndex(new IndexModel(IdentifierNames.Make("ux", name, field.Name), [field.Name], true));
            else if (field.Indexed || field.Type.Descriptor.IsReference || field.Name == entity.PrimaryField)
                AddIndex(new IndexModel(IdentifierNames.Make("ix", name, field.Name), [field.Name], false));
        }
        foreach (var index in entity.Indexes)
            AddIndex(new IndexModel(index.Name ?? IdentifierNames.Make(index.Unique ? "ux" : "ix", [name, .. index.Fields]), ScopedColumns(index), index.Unique));
        AddIndex(new IndexModel(IdentifierNames.Make("ix", name, SystemFields.Owner), [SystemFields.Owner], false));
        AddIndex(new IndexModel(IdentifierNames.Make("ix", name, SystemFields.OwningBusinessUnit), [SystemFields.OwningBusinessUnit], false));
        // A plain single-column index is redundant when another index starts with that column: it serves the same lookups.
        var all = indexes.ToList();
        indexes.RemoveAll(i => !i.IsUnique && i.Columns.Count == 1 &&
                               all.Any(other => !ReferenceEquals(other, i) && other.Columns[0] == i.Columns[0]));

        var foreignKeys = entity.Fields.Where(f => f.Type.Descriptor.IsReference).Select(f => new ForeignKeyModel(
            IdentifierNames.Make("fk", name, f.Name), [f.Name], f.Target!, [SystemFields.Id], f.EffectiveOnDelete)).ToList();

        return new TableModel(name, columns, [SystemFields.Id], indexes, foreignKeys, entity);
    }

    /// <summary>
    /// A declared index serves lists (filter on its leading fields, sorted by the next): a plain one also carries
    /// owning_business_unit last, so a business-unit read scope is tested inside the index walk rather than on each
    /// row it leads to (SQLite reads the row only for entries of the user's units, PostgreSQL makes the unit an index
    /// condition). It changes neither what the index finds nor its order. A unique index keeps its fields: its
    /// uniqueness is over them alone.
    /// </summary>
    private static IReadOnlyList<string> ScopedColumns(IndexDefinition index) =>
        index.Unique || index.Fields.Contains(SystemFields.OwningBusinessUnit) ? index.Fields : [.. index.Fields, SystemFields.OwningBusinessUnit];

    private static TableModel JunctionTable(EntityDefinition entity, RelationDefinition relation)
    {
        var name = IdentifierNames.Junction(entity.Name, relation.Name);
        return new TableModel(name,
            [
                new("source_id", ValueKind.Guid, typeof(Guid), false),
                new("target_id", ValueKind.Guid, typeof(Guid), false),
                new(SystemFields.CreatedAt, ValueKind.DateTime, typeof(DateTime), false),
            ],
            ["source_id", "target_id"],
            [new IndexModel(IdentifierNames.Make("ix", name, "target_id"), ["target_id"], false)],
            [
                new(IdentifierNames.Make("fk", name, "source"), ["source_id"], entity.Name, [SystemFields.Id], DeleteBehavior.Cascade),
                new(IdentifierNames.Make("fk", name, "target"), ["target_id"], relation.Target, [SystemFields.Id], DeleteBehavior.Cascade),
            ]);
    }
}
