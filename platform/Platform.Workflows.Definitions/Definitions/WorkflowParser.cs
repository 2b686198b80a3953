using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Workflows.Definitions;

/// <summary>Builds a <see cref="WorkflowDefinition"/> from a document <see cref="Validation.WorkflowValidator"/> accepted.</summary>
public static class WorkflowParser
{
    public static WorkflowDefinition Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("The workflow is not a JSON object.");
        var flowchart = root["root"]!.AsObject();
        var activities = flowchart["activities"]!.AsArray()
            .Select((node, index) => new ActivityNode((string)node!["id"]!, (string)node["type"]!, node.AsObject(), index)).ToList();
        var connections = (flowchart["connections"]?.AsArray() ?? [])
            .Select((node, index) => new Connection(EndpointOf(node!["source"]!, "Done"), EndpointOf(node["target"]!, "In"), index)).ToList();
        return new WorkflowDefinition(
            (string)root["id"]!, (int)root["schemaVersion"]!, root["label"]?.AsObject() ?? [], TriggerOf(root["trigger"]),
            root["variables"]?.AsObject() ?? [], root["runAs"]?["role"] is JsonValue role ? new RunAs((string)role!) : null,
            activities, connections, json);
    }

    private static Endpoint EndpointOf(JsonNode node, string defaultPort) => new((string)node["activity"]!, (string?)node["port"] ?? defaultPort);

    private static WorkflowTrigger TriggerOf(JsonNode? node) => node is null
        ? WorkflowTrigger.Manual
        : new WorkflowTrigger((string)node["type"]!, (string?)node["entity"],
            node["fields"]?.AsArray().Select(f => (string)f!).ToList() ?? [], (string?)node["condition"], (string?)node["cron"], (string?)node["timeZone"]);
}
