using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;

namespace Platform.Metadata.Kinds.Screens;

/// <summary>
/// Checks one comparison of a JSON condition (forms' rules, actions' availableWhen) against its entity: the field
/// exists, the operator gets the value it takes, and a choice field is compared with its own options.
/// </summary>
internal static class ConditionRules
{
    /// <summary>Every problem of the comparison at <paramref name="pointer"/>, as pointer and message.</summary>
    public static IEnumerable<(string Pointer, string Message)> Check(EntityDefinition entity, FormCondition comparison, string pointer)
    {
        var field = comparison.Field!;
        if (ScreenFields.Problem(entity, field) is { } problem)
        {
            yield return ($"{pointer}/field", problem);
            yield break;
        }
        var value = comparison.Value;
        var hasValue = value is not null && value.GetValueKind() != JsonValueKind.Null;
        switch (comparison.Op)
        {
            case "empty" or "notEmpty" when value is not null:
                yield return ($"{pointer}/value", $"'{comparison.Op}' takes no value");
                yield break;
            case "in" or "notIn" when value is not JsonArray:
                yield return ($"{pointer}/value", $"'{comparison.Op}' takes a list of values");
                yield break;
            case "eq" or "ne" or "gt" or "lt" when !hasValue:
                yield return ($"{pointer}/value", $"'{comparison.Op}' takes a value (use empty or notEmpty to test for none)");
                yield break;
        }
        if (comparison.Op is "gt" or "lt" && ScreenFields.TypeOf(entity, field) is { } type && !ScreenFields.IsNumber(type) && !ScreenFields.IsDate(type))
            yield return ($"{pointer}/op", $"'{comparison.Op}' compares numbers and dates; {field} is neither");
        if (entity.FindField(field)?.Options is not { } options || comparison.Op is not ("eq" or "ne" or "in" or "notIn") || !hasValue) yield break;
        var values = value is JsonArray array ? array.Select((v, i) => (v, $"{pointer}/value/{i}")) : [(value, $"{pointer}/value")];
        foreach (var (candidate, at) in values)
            if (candidate is JsonValue v && v.TryGetValue<string>(out var text) ? options.All(o => o.Value != text) : candidate is not null)
                yield return (at, $"{field} has no option {candidate?.ToJsonString() ?? "null"}; options: {string.Join(", ", options.Select(o => o.Value))}");
    }
}
