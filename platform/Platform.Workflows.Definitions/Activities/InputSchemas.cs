using System.Text.Json.Nodes;

namespace Platform.Workflows.Activities;

/// <summary>Small JSON Schemas for activity inputs' literal values.</summary>
internal static class InputSchemas
{
    public static JsonObject String() => new() { ["type"] = "string" };
    public static JsonObject Boolean() => new() { ["type"] = "boolean" };
    public static JsonObject Object() => new() { ["type"] = "object" };
    public static JsonObject Any() => new();
    public static JsonObject Duration() => new() { ["type"] = "string", ["pattern"] = "^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$" };
    public static JsonObject Enum(params string[] values) => new() { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray()) };
    public static JsonObject StringOrList() => new() { ["type"] = new JsonArray("string", "array"), ["items"] = new JsonObject { ["type"] = "string" } };
}
