using System.Text.Json;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>Field types as documents spell them ("multichoice"), for messages.</summary>
internal static class FieldTypeNames
{
    public static string Of(FieldType type) => JsonSerializer.Serialize(type, DefinitionJson.Options).Trim('"');

    public static string List(IEnumerable<FieldType> types)
    {
        var names = types.Select(Of).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }
}
