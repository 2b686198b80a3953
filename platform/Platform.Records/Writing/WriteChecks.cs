using Platform.Metadata.Definitions;
using Platform.Records.Validation;
using Platform.Storage.Records;

namespace Platform.Records.Writing;

/// <summary>
/// Checks that need the database: lookups point at existing records the writer may read, unique values are not taken.
/// What an error says depends on what the writer may see (<see cref="WriterSight"/>).
/// </summary>
internal static class WriteChecks
{
    /// <param name="data">Read up front for a batch (see <see cref="WriteCheckData"/>); null queries per record.</param>
    public static async Task CheckAsync(
        WriterSight writer, RecordSession session, EntityDefinition entity, IReadOnlyDictionary<string, object?> values,
        Guid? selfId, string pointerPrefix, List<FieldError> errors, CancellationToken ct, WriteCheckData? data = null)
    {
        foreach (var field in entity.Fields)
        {
            // Only lookups and unique fields are checked here: the others cost a bulk request no pointer text per value.
            if (!field.Type.Descriptor.IsReference && !field.Unique) continue;
            if (!values.TryGetValue(field.Name, out var value) || value is null) continue;
            var pointer = pointerPrefix + "/" + RecordBodyReader.Escape(field.Name);
            if (HasErrorAt(errors, pointer)) continue; // one error per field: its value is already refused
            if (field.Type.Descriptor.IsReference)
            {
                var id = (Guid)value;
                var found = data?.Exists(field.Target!, id) ?? (await writer.ReadableIdsAsync(session, field.Target!, [id], ct)).Count > 0;
                if (!found) errors.Add(new FieldError(pointer, $"there is no {field.Target} with id {id}"));
            }
            if (field.Unique && (data is null ? await writer.Store.FindByValueAsync(session, entity.Name, field.Name, value, selfId, ct) : data.TakenBy(field.Name, value, selfId)) is { } other)
                errors.Add(new FieldError(pointer, await TakenMessageAsync(writer, session, entity, field, value, other, ct)));
        }
    }

    private static bool HasErrorAt(List<FieldError> errors, string pointer)
    {
        foreach (var error in errors)
            if (error.Pointer == pointer) return true;
        return false;
    }

    /// <summary>
    /// Names the value and the record holding it only to a writer who could read both anyway. A masked or hidden
    /// field's error does not repeat the value either, and says no more than that the value cannot be used.
    /// </summary>
    private static async Task<string> TakenMessageAsync(
        WriterSight writer, RecordSession session, EntityDefinition entity, FieldDefinition field, object value, Guid other, CancellationToken ct)
    {
        if (!writer.SeesInFull(entity.Name, field.Name)) return "this value cannot be used";
        if ((await writer.ReadableIdsAsync(session, entity.Name, [other], ct)).Count == 0) return $"'{value}' is already taken; {field.Name} must be unique";
        return $"'{value}' is already used by {entity.Name} {other}; {field.Name} must be unique";
    }
}
