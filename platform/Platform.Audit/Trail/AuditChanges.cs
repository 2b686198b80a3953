using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Records.Events;

namespace Platform.Audit.Trail;

/// <summary>The "changes" of a record write: each changed field's old and new value (system fields left out).</summary>
public static class AuditChanges
{
    public static JsonObject Of(RecordChange change, EntityDefinition entity)
    {
        var changes = new JsonObject();
        foreach (var field in entity.Fields)
        {
            var before = change.Before?.GetValueOrDefault(field.Name);
            var after = change.After?.GetValueOrDefault(field.Name);
            var entry = change.Kind switch
            {
                RecordChangeKind.Created when after is not null && !IsEmptyList(after) => new JsonObject { ["new"] = Value(field, after) },
                RecordChangeKind.Deleted when before is not null && !IsEmptyList(before) => new JsonObject { ["old"] = Value(field, before) },
                RecordChangeKind.Updated when !field.Type.Descriptor.SameValue(before, after) => new JsonObject { ["old"] = Value(field, before), ["new"] = Value(field, after) },
                _ => null,
            };
            if (entry is not null) changes[field.Name] = entry;
        }
        return changes;
    }

    private static JsonNode? Value(FieldDefinition field, object? value) =>
        value is null ? null : field.Encrypted ? JsonValue.Create(AuditValues.Encrypted) : AuditValues.ToJson(value);

    internal static bool IsEmptyList(object value) => value is string[] { Length: 0 };
}
