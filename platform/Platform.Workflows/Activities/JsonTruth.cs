using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Workflows.Activities;

/// <summary>JavaScript's truthiness for evaluated inputs (conditions may be written as expressions or literals).</summary>
public static class JsonTruth
{
    public static bool IsTrue(JsonNode? node) => node switch
    {
        null => false,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.Number => value.GetValue<double>() is var d && d != 0 && !double.IsNaN(d),
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            _ => true,
        },
        _ => true,
    };
}
