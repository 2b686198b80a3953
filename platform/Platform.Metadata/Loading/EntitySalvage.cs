using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>
/// What can be checked of an entity document that fails its JSON Schema: the parts that failed are stood in for
/// (a field, relation or index by one with its name only; any other property is dropped), so the semantic rules can
/// report the rest of the document's mistakes in the same pass. The parts that failed are returned with it: semantic
/// errors inside them are echoes of the schema errors (or of the stand-ins) and are dropped.
/// A salvaged document is only ever validated, never installed: its schema errors fail the load.
/// </summary>
internal static class EntitySalvage
{
    private const int MaxRepairs = 50;

    /// <summary>Collections whose elements are replaced in place, so the pointers of the others stay right.</summary>
    private static readonly string[] Collections = ["fields", "relations", "indexes"];

    public static SalvagedEntity? Salvage(string file, JsonNode json, IEnumerable<DefinitionError> schemaErrors)
    {
        if (json.DeepClone() is not JsonObject document) return null;
        document.Remove("$schema");
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pointer in schemaErrors.Select(e => e.Pointer).Distinct())
            if (!StandIn(document, pointer, failed)) return null;
        for (var repairs = 0; repairs < MaxRepairs; repairs++)
        {
            try
            {
                var entity = document.Deserialize<EntityDefinition>(DefinitionJson.Options);
                return entity is null ? null : new SalvagedEntity(file, entity, failed);
            }
            catch (JsonException e)
            {
                // What the schema let through but the model refuses (e.g. an unknown property): stand in for it too.
                var pointer = JsonPointer.FromPath(e.Path ?? "");
                if (pointer.Length == 0 || failed.Contains(pointer) || !StandIn(document, pointer, failed)) return null;
            }
        }
        return null;
    }

    /// <summary>Stands in for the part of the document at <paramref name="pointer"/>; false when the document is beyond saving.</summary>
    private static bool StandIn(JsonObject document, string pointer, ISet<string> failed)
    {
        var tokens = pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();
        // A mistake in the document as a whole (e.g. a missing name): the model decides whether it still reads.
        if (tokens.Length == 0) return true;
        var property = tokens[0];
        if (Collections.Contains(property) && tokens.Length >= 2 && int.TryParse(tokens[1], out var index) &&
            document[property] is JsonArray array && index >= 0 && index < array.Count)
        {
            failed.Add($"/{property}/{index}");
            array[index] = Placeholder(property, array[index]);
            return true;
        }
        // Without its fields, relations or indexes (or its name) nothing that refers to them could be checked.
        if (Collections.Contains(property) || property == "name") return false;
        failed.Add("/" + JsonPointer.Escape(property));
        document.Remove(property);
        return true;
    }

    private static JsonObject Placeholder(string collection, JsonNode? original)
    {
        var name = original is JsonObject o && o["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        return collection switch
        {
            "fields" => new JsonObject { ["name"] = name, ["type"] = "text" },
            "relations" => new JsonObject { ["name"] = name, ["type"] = "manyToMany", ["target"] = "" },
            _ => new JsonObject { ["fields"] = new JsonArray() },
        };
    }
}

/// <summary>An entity document read despite schema errors, and the pointers of the parts that were stood in for.</summary>
internal sealed record SalvagedEntity(string File, EntityDefinition Entity, IReadOnlySet<string> Failed)
{
    public SourcedDocument<EntityDefinition> Document => new(File, Entity);

    /// <summary>Whether a semantic error is inside a part that failed the schema (and so says nothing new).</summary>
    public bool Covers(string pointer) =>
        Failed.Any(f => pointer == f || pointer.StartsWith(f + "/", StringComparison.Ordinal));
}
