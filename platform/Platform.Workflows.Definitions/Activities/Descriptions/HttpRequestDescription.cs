using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the HttpRequest activity type (what the validator needs); <c>HttpRequestActivity</c> runs it.</summary>
public class HttpRequestDescription : IActivityDescription
{
    public string Type => "HttpRequest";
    public string Description => "Calls 'url' with 'method' (default GET) and optional JSON 'body'; only allowlisted hosts. Done on 2xx/3xx, Failed otherwise.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("url", "An absolute http(s) URL.", InputSchemas.String(), Required: true),
        new("method", "GET, POST, PUT, PATCH or DELETE.", InputSchemas.Enum("GET", "POST", "PUT", "PATCH", "DELETE")),
        new("body", "Sent as JSON.", InputSchemas.Any()),
        new("timeoutSeconds", "Default 30.", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 120 }),
        new("resultVariable", "Where {status, body} goes.", InputSchemas.String(), LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done, "Failed"];
}
