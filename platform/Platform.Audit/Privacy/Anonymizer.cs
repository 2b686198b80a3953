using Platform.Metadata.Definitions;
using Platform.Storage.Physical;

namespace Platform.Audit.Privacy;

/// <summary>
/// The value an erased personal field gets. Optional fields become empty (null, or [] for multichoice); required ones
/// get a placeholder that still satisfies the field: text "erased", an email erased+&lt;id&gt;@invalid (unique per
/// record, never deliverable), phone "000", 0, false, 1900-01-01, the default or first option. A unique text becomes
/// "erased-&lt;id&gt;". Required lookups and autonumbers cannot be erased and are kept.
/// </summary>
public static class Anonymizer
{
    public const string Text = "erased";

    /// <summary>False when the field keeps its value (see the class summary).</summary>
    public static bool TryErase(FieldDefinition field, Guid recordId, out object? value)
    {
        value = null;
        if (field.Type == FieldType.AutoNumber || field.Type == FieldType.Lookup && field.Required) return false;
        if (field.Type == FieldType.Email && field.Unique) return Fit(field, $"erased+{recordId:N}@invalid", out value);
        if (!field.Required && !field.Unique)
        {
            value = field.Type == FieldType.MultiChoice ? Array.Empty<string>() : null;
            return true;
        }
        return field.Type switch
        {
            FieldType.Text or FieldType.LongText when field.Unique => Fit(field, $"{Text}-{recordId:N}", out value),
            FieldType.Text or FieldType.LongText => Fit(field, Text, out value),
            FieldType.Email => Fit(field, $"erased+{recordId:N}@invalid", out value),
            FieldType.Phone => Fit(field, "000", out value),
            FieldType.Url => Fit(field, "https://erased.invalid", out value),
            FieldType.Integer => Set(0L, out value),
            FieldType.Decimal or FieldType.Currency => Set(Math.Max(0m, field.Min ?? 0m), out value),
            FieldType.Boolean => Set(false, out value),
            FieldType.Date => Set(new DateOnly(1900, 1, 1), out value),
            FieldType.DateTime => Set(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), out value),
            FieldType.Choice => Set(field.Default?.GetValue<string>() ?? field.Options![0].Value, out value),
            FieldType.MultiChoice => Set(new[] { field.Options![0].Value }, out value),
            _ => Set(null, out value),
        };
    }

    private static bool Fit(FieldDefinition field, string text, out object? value)
    {
        var max = FieldColumnMapper.MaxLengthOf(field) ?? int.MaxValue;
        value = text.Length <= max ? text : text[..max];
        return true;
    }

    private static bool Set(object? given, out object? value)
    {
        value = given;
        return true;
    }
}
