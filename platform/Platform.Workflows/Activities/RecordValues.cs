using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Workflows.Activities;

/// <summary>Conversions between evaluated inputs and the record service's value dictionaries.</summary>
internal static class RecordValues
{
    public static Dictionary<string, object?> From(JsonNode? node, string activity) => node is JsonObject values
        ? values.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone())
        : throw new WorkflowActivityException($"The values of '{activity}' must be an object.");

    public static Guid Id(JsonNode? node, string activity) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id)
            ? id
            : throw new WorkflowActivityException($"The record id of '{activity}' is not an id: {node?.ToJsonString() ?? "null"}.");

    public static JsonNode? ToJson(object? value) => JsonSerializer.SerializeToNode(value);
}
