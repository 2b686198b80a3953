using Platform.Metadata.Definitions;
using Platform.Storage.Physical;

namespace Platform.Records.Validation;

/// <summary>
/// The rules a field definition puts on a value (its definition's own rules are FieldDefinitionRules'): required,
/// length, range and decimal places here, for every type alike; then the type's own rule (options, formats...) from
/// its descriptor.
/// </summary>
public static class FieldValueRules
{
    /// <summary>Checks a value; returns the message of the first broken rule, or null.</summary>
    public static string? Check(FieldDefinition field, object? value)
    {
        var type = field.Type.Descriptor;
        if (value is null) return field.Required && !type.Computed ? "is required" : null;
        if (value is string text)
        {
            if (field.Required && text.Length == 0) return "is required";
            if (type.MaxLength(field) is { } max && text.Length > max) return $"must be at most {max} characters (it has {text.Length})";
        }
        var number = value switch { long l => (decimal?)l, decimal d => d, _ => null };
        if (number is { } n)
        {
            if (field.Min is { } min && n < min) return $"must be at least {min}";
            if (field.Max is { } maximum && n > maximum) return $"must be at most {maximum}";
            if (value is decimal d && type.DecimalFacets(field) is var (precision, scale))
            {
                if (d.Scale > scale && decimal.Round(d, scale) != d) return $"must have at most {scale} decimal places";
                if (Math.Abs(decimal.Truncate(d)) >= FieldColumnMapper.Pow10(precision - scale)) return $"must be less than {FieldColumnMapper.Pow10(precision - scale)} in size";
            }
        }
        return type.CheckValue(field, value);
    }
}
