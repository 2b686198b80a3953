using System.Globalization;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Metadata.FieldTypes.BuiltIn;

namespace Platform.Metadata.Validation;

/// <summary>
/// Rules on the field definitions of one entity (the values records hold are checked by FieldValueRules): names,
/// renames, a known type, only the properties the type allows, their ranges, and the type's own checks.
/// </summary>
internal static class FieldDefinitionRules
{
    private const int MaxPrecision = DecimalNumberFieldType.MaxPrecision;

    public static IEnumerable<DefinitionError> Check(EntityEntry entry)
    {
        var fields = entry.Entity.Fields;
        var names = new Dictionary<string, int>();
        var renames = new Dictionary<string, int>();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var at = JsonPointer.Append("/fields", i);
            if (NameRules.CheckName(field.Name, "field") is { } nameProblem)
                yield return entry.Error($"{at}/name", nameProblem);
            if (SystemFields.IsSystem(field.Name))
                yield return entry.Error($"{at}/name",
                    $"'{field.Name}' is a system field every entity has; reserved names are {string.Join(", ", SystemFields.All)}");
            if (!names.TryAdd(field.Name, i))
                yield return entry.Error($"{at}/name", $"field '{field.Name}' is already defined at /fields/{names[field.Name]}");
            if (field.RenamedFrom is { } previous)
            {
                var current = fields.Select((f, index) => (f.Name, index)).FirstOrDefault(f => f.Name == previous);
                if (current.Name is not null)
                    yield return entry.Error($"{at}/renamedFrom",
                        $"renamedFrom '{previous}' is the name of a current field (/fields/{current.index}); it must be the field's previous name");
                else if (!renames.TryAdd(previous, i))
                    yield return entry.Error($"{at}/renamedFrom", $"renamedFrom '{previous}' is already claimed by /fields/{renames[previous]}");
            }
            if (FieldTypeRegistry.Default.Find(field.Type.Name) is not { } type)
            {
                yield return entry.Error($"{at}/type",
                    $"'{field.Type.Name}' is not a field type; expected one of {FieldTypeNames.List(FieldTypeRegistry.Default.All)}");
                continue;
            }
            foreach (var error in CheckShape(entry, field, type, at)) yield return error;
            if (field.Default is { } value && type.CheckDefault(field, value) is { } defaultProblem)
                yield return entry.Error($"{at}/default", defaultProblem);
        }
    }

    /// <summary>Type-specific properties and their ranges.</summary>
    private static IEnumerable<DefinitionError> CheckShape(EntityEntry entry, FieldDefinition field, FieldTypeDescriptor type, string at)
    {
        foreach (var property in FieldProperty.All)
        {
            if (property.IsSet(field) && type.Properties.All(p => p.Name != property.Name))
                yield return entry.Error($"{at}/{property.Name}",
                    $"'{property.Name}' is not allowed on a {type.Name} field; only {FieldTypeNames.List(FieldTypeRegistry.Default.Allowing(property.Name))} fields have it");
        }
        foreach (var problem in type.CheckDefinition(field)) yield return entry.Error($"{at}/{problem.Property}", problem.Message);
        if (field.MaxLength < 1)
            yield return entry.Error($"{at}/maxLength", $"maxLength must be at least 1, not {field.MaxLength}");
        if (field.Precision is < 1 or > MaxPrecision)
            yield return entry.Error($"{at}/precision", $"precision must be between 1 and {MaxPrecision}, not {field.Precision}");
        if (field.Scale < 0)
            yield return entry.Error($"{at}/scale", $"scale must not be negative, not {field.Scale}");
        if (field.Scale > (field.Precision ?? MaxPrecision))
            yield return entry.Error($"{at}/scale", $"scale {field.Scale} is greater than precision {field.Precision ?? MaxPrecision}");
        if (field.Min > field.Max)
            yield return entry.Error($"{at}/min", $"min {field.Min} is greater than max {field.Max}");
        if (field.Format is { } format && CheckAutoNumberFormat(format) is { } formatProblem)
            yield return entry.Error($"{at}/format", formatProblem);
        var values = new Dictionary<string, int>();
        for (var k = 0; k < (field.Options?.Count ?? 0); k++)
        {
            var value = field.Options![k].Value;
            if (!values.TryAdd(value, k))
                yield return entry.Error($"{at}/options/{k}/value", $"option value '{value}' is already used by /options/{values[value]}");
        }
    }

    private static string? CheckAutoNumberFormat(string format)
    {
        const string hint = "use {0} for the counter, e.g. \"OPP-{0:00000}\"";
        try
        {
            var first = string.Format(CultureInfo.InvariantCulture, format, 1);
            var second = string.Format(CultureInfo.InvariantCulture, format, 2);
            return first == second ? $"'{format}' does not show the counter; {hint}" : null;
        }
        catch (FormatException)
        {
            return $"'{format}' is not a valid number format; {hint}";
        }
    }
}
