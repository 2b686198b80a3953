using Platform.Metadata.FieldTypes;

namespace Platform.Metadata.Validation;

/// <summary>Field types listed in messages: "text, email and url".</summary>
internal static class FieldTypeNames
{
    public static string List(IEnumerable<FieldTypeDescriptor> types)
    {
        var names = types.Select(t => t.Name).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }
}
