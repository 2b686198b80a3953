using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;

namespace Platform.Metadata.Tests;

/// <summary>Builds in-memory definitions for the semantic rule tests: a valid baseline, changed one mistake at a time.</summary>
internal static class Build
{
    public static ModuleDefinition Module(string id, params EntityDefinition[] entities) => Module(id, "1.0.0", new Dictionary<string, string>(), entities);

    public static ModuleDefinition Module(string id, string version, IReadOnlyDictionary<string, string> dependsOn, params EntityDefinition[] entities) => new()
    {
        Manifest = new ModuleManifest { Id = id, Version = version, DependsOn = dependsOn },
        Entities = entities.Select(e => new SourcedDocument<EntityDefinition>(ModuleLayout.VirtualEntityFile(id, e.Name), e)).ToList(),
    };

    public static EntityDefinition Entity(string name, params FieldDefinition[] fields) => new() { Name = name, Fields = fields };

    public static FieldDefinition Field(string name, FieldType? type = null) => new() { Name = name, Type = type ?? FieldType.Text };

    /// <summary>A field of the type a test case names, e.g. "integer".</summary>
    public static FieldDefinition Field(string name, string type) => Field(name, new FieldType(type));

    public static FieldDefinition Lookup(string name, string target) => new() { Name = name, Type = FieldType.Lookup, Target = target };

    public static FieldDefinition Choice(string name, FieldType type, params string[] options) =>
        new() { Name = name, Type = type, Options = options.Select(o => new ChoiceOption { Value = o }).ToList() };

    public static IReadOnlyDictionary<string, string> DependsOn(string id, string range) => new Dictionary<string, string> { [id] = range };
}
