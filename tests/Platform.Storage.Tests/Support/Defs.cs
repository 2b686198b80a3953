using Platform.Metadata.Definitions;

namespace Platform.Storage.Tests.Support;

/// <summary>Definitions built in code: one module, small field helpers, changes expressed with <c>with</c>.</summary>
public static class Defs
{
    public static DefinitionSet Set(params EntityDefinition[] entities) => new(
    [
        new ModuleDefinition
        {
            Manifest = new ModuleManifest { Id = "test", Version = "1.0.0" },
            Entities = entities.Select(e => new SourcedDocument<EntityDefinition>($"entities/{e.Name}.json", e)).ToList(),
        },
    ]);

    public static EntityDefinition Entity(string name, params FieldDefinition[] fields) => new() { Name = name, Fields = fields };

    public static FieldDefinition Text(string name, int? maxLength = null) => new() { Name = name, Type = FieldType.Text, MaxLength = maxLength };

    public static FieldDefinition Integer(string name) => new() { Name = name, Type = FieldType.Integer };

    public static FieldDefinition Decimal(string name, int precision, int scale) => new() { Name = name, Type = FieldType.Decimal, Precision = precision, Scale = scale };

    public static FieldDefinition Date(string name) => new() { Name = name, Type = FieldType.Date };

    public static FieldDefinition Lookup(string name, string target) => new() { Name = name, Type = FieldType.Lookup, Target = target };

    /// <summary>Replaces the entity's field of the same name.</summary>
    public static EntityDefinition WithField(this EntityDefinition entity, FieldDefinition field) =>
        entity with { Fields = entity.Fields.Select(f => f.Name == field.Name ? field : f).ToList() };

    /// <summary>Replaces the field named <paramref name="name"/> (e.g. with a renamed one).</summary>
    public static EntityDefinition Replace(this EntityDefinition entity, string name, FieldDefinition field) =>
        entity with { Fields = entity.Fields.Select(f => f.Name == name ? field : f).ToList() };

    public static EntityDefinition Adding(this EntityDefinition entity, params FieldDefinition[] fields) =>
        entity with { Fields = [.. entity.Fields, .. fields] };

    public static EntityDefinition Without(this EntityDefinition entity, string field) =>
        entity with { Fields = entity.Fields.Where(f => f.Name != field).ToList() };

    public static EntityDefinition Indexed(this EntityDefinition entity, bool unique, params string[] fields) =>
        entity with { Indexes = [.. entity.Indexes, new IndexDefinition { Fields = fields, Unique = unique }] };
}
