using Platform.Metadata.Definitions;

namespace Platform.Metadata.FieldTypes.BuiltIn;

/// <summary>Checks shared by choice and multichoice: the options listed, and values among them.</summary>
internal static class ChoiceOptions
{
    public static IEnumerable<FieldDefinitionProblem> CheckListed(FieldDefinition field) =>
        field.Options is { Count: > 0 } ? [] : [new FieldDefinitionProblem("options", $"a {field.Type.Name} field must list its 'options'")];

    public static string? UnknownDefaults(FieldDefinition field, IEnumerable<string> values)
    {
        var options = field.Options?.Select(o => o.Value).ToList() ?? [];
        var unknown = values.Where(v => !options.Contains(v)).ToList();
        return unknown.Count == 0
            ? null
            : $"default {string.Join(", ", unknown.Select(v => $"'{v}'"))} is not among the options; expected one of {string.Join(", ", options)}";
    }

    public static string Listing(IReadOnlyList<ChoiceOption> options) => string.Join(", ", options.Select(o => o.Value));
}
