using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Records.Validation;

/// <summary>Turns a JSON body into field values of an entity, collecting every error with its JSON pointer.</summary>
public static class RecordBodyReader
{
    /// <param name="pointerPrefix">Prefix for pointers, e.g. "/records/3" inside a bulk body.</param>
    public static Dictionary<string, object?> Read(EntityDefinition entity, JsonElement body, string pointerPrefix, List<FieldError> errors)
    {
        var values = new Dictionary<string, object?>(entity.Fields.Count, StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(pointerPrefix, "must be a JSON object of field values"));
            return values;
        }
        foreach (var property in body.EnumerateObject())
        {
            // Pointers are made for errors only: a valid bulk body would otherwise build one string per value.
            var field = entity.FindField(property.Name);
            if (field is null)
            {
                errors.Add(new FieldError(Pointer(pointerPrefix, property.Name), SystemFields.IsSystem(property.Name)
                    ? $"'{property.Name}' is a system field and cannot be written"
                    : entity.Relations.Any(r => r.Name == property.Name)
                        ? $"'{property.Name}' is a many-to-many relation; link records through /{entity.Name}/{{id}}/{property.Name}"
                        : $"'{entity.Name}' has no field '{property.Name}'"));
                continue;
            }
            if (field.Type.Descriptor.Computed)
            {
                errors.Add(new FieldError(Pointer(pointerPrefix, property.Name), field.Type.Descriptor is INumberedFieldType
                    ? $"'{field.Name}' is numbered automatically and cannot be written"
                    : $"'{field.Name}' is computed by the platform and cannot be written"));
                continue;
            }
            if (values.ContainsKey(field.Name))
            {
                errors.Add(new FieldError(Pointer(pointerPrefix, property.Name), "appears more than once"));
                continue;
            }
            if (RecordJsonValueReader.TryRead(field, property.Value, out var value, out var error)) values[field.Name] = value;
            else errors.Add(new FieldError(Pointer(pointerPrefix, property.Name), error!));
        }
        return values;
    }

    /// <summary>Fills fields the body left out with their defaults (create only).</summary>
    public static void ApplyDefaults(EntityDefinition entity, Dictionary<string, object?> values)
    {
        foreach (var field in entity.Fields)
        {
            if (values.ContainsKey(field.Name) || field.Default is null) continue;
            values[field.Name] = FieldColumnMapper.ConvertDefault(field, field.Type.Descriptor.Storage);
        }
    }

    /// <summary>Checks field rules for the given fields (all fields on create, the changed ones on update).</summary>
    public static void CheckRules(EntityDefinition entity, IReadOnlyDictionary<string, object?> values, IEnumerable<FieldDefinition> fields, string pointerPrefix, List<FieldError> errors)
    {
        foreach (var field in fields)
        {
            if (HasErrorAt(errors, pointerPrefix, field.Name)) continue;
            if (FieldValueRules.Check(field, values.GetValueOrDefault(field.Name)) is { } message)
                errors.Add(new FieldError(Pointer(pointerPrefix, field.Name), message));
        }
    }

    private static string Pointer(string prefix, string name) => prefix + "/" + Escape(name);

    // A loop rather than a lambda: no closure per field and record when there are no errors (the usual case).
    private static bool HasErrorAt(List<FieldError> errors, string prefix, string name)
    {
        if (errors.Count == 0) return false;
        var pointer = Pointer(prefix, name);
        foreach (var error in errors)
            if (error.Pointer == pointer) return true;
        return false;
    }

    public static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
