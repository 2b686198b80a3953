using Platform.Metadata.Definitions;
using Platform.Records.Validation;
using Platform.Storage.Records;

namespace Platform.Records.Writing;

/// <summary>Checks that need the database: lookups point at existing records, unique values are not taken.</summary>
internal static class WriteChecks
{
    public static async Task CheckAsync(
        RecordStore store, RecordSession session, EntityDefinition entity, IReadOnlyDictionary<string, object?> values,
        Guid? selfId, string pointerPrefix, List<FieldError> errors, CancellationToken ct)
    {
        foreach (var field in entity.Fields)
        {
            if (!values.TryGetValue(field.Name, out var value) || value is null) continue;
            var pointer = pointerPrefix + "/" + RecordBodyReader.Escape(field.Name);
            if (errors.Any(e => e.Pointer == pointer)) continue; // one error per field: its value is already refused
            if (field.Type == FieldType.Lookup)
            {
                var id = (Guid)value;
                var found = await store.ExistingIdsAsync(session, field.Target!, [id], ct);
                if (found.Count == 0) errors.Add(new FieldError(pointer, $"there is no {field.Target} with id {id}"));
            }
            if (field.Unique && await store.FindByValueAsync(session, entity.Name, field.Name, value, selfId, ct) is { } other)
                errors.Add(new FieldError(pointer, $"'{value}' is already used by {entity.Name} {other}; {field.Name} must be unique"));
        }
    }
}
