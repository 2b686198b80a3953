using Platform.Metadata.Definitions;
using Platform.Records.Validation;
using Platform.Storage.Records;

namespace Platform.Records.Writing;

/// <summary>Checks that need the database: lookups point at existing records, unique values are not taken.</summary>
internal static class WriteChecks
{
    /// <param name="data">Read up front for a batch (see <see cref="WriteCheckData"/>); null queries per record.</param>
    public static async Task CheckAsync(
        RecordStore store, RecordSession session, EntityDefinition entity, IReadOnlyDictionary<string, object?> values,
        Guid? selfId, string pointerPrefix, List<FieldError> errors, CancellationToken ct, WriteCheckData? data = null)
    {
        foreach (var field in entity.Fields)
        {
            if (!values.TryGetValue(field.Name, out var value) || value is null) continue;
            var pointer = pointerPrefix + "/" + RecordBodyReader.Escape(field.Name);
            if (errors.Any(e => e.Pointer == pointer)) continue; // one error per field: its value is already refused
            if (field.Type == FieldType.Lookup)
            {
                var id = (Guid)value;
                var found = data?.Exists(field.Target!, id) ?? (await store.ExistingIdsAsync(session, field.Target!, [id], ct)).Count > 0;
                if (!found) errors.Add(new FieldError(pointer, $"there is no {field.Target} with id {id}"));
            }
            if (field.Unique && (data is null ? await store.FindByValueAsync(session, entity.Name, field.Name, value, selfId, ct) : data.TakenBy(field.Name, value, selfId)) is { } other)
                errors.Add(new FieldError(pointer, $"'{value}' is already used by {entity.Name} {other}; {field.Name} must be unique"));
        }
    }
}
