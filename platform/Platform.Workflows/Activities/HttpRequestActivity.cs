using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Activities;

/// <summary>
/// HttpRequest: calls a URL on the tenant's allowlist (<see cref="WorkflowHttpPolicy"/>); continues through Done for
/// 2xx/3xx and Failed otherwise, with <c>{status, body}</c> (body parsed when JSON) in resultVariable. A refused call
/// faults the instance.
/// </summary>
public sealed class HttpRequestActivity : HttpRequestDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var text = await context.RequiredStringAsync("url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)) throw new WorkflowActivityException($"'{text}' is not an absolute URL.");
        var method = await context.StringAsync("method") ?? "GET";
        var body = await context.InputAsync("body");
        var timeout = await context.InputAsync("timeoutSeconds") is JsonValue t && t.TryGetValue<int>(out var seconds) ? seconds : 30;
        WorkflowHttpResponse response;
        try
        {
            response = await context.Effects.HttpAsync(method, url, body?.ToJsonString(), null, TimeSpan.FromSeconds(timeout), context.CancellationToken);
        }
        catch (HttpRequestException exception) when (exception.InnerException is WorkflowHttpRefusedException refused)
        {
            throw refused;
        }
        var result = new JsonObject { ["status"] = response.Status, ["body"] = Parse(response.Body) };
        if ((string?)(context.Node.Input("resultVariable") as JsonValue) is { Length: > 0 } target) context.State.Variables[target] = result.DeepClone();
        return ActivityResult.Outcome(response.Status < 400 ? Activities.Ports.Done : "Failed", new JsonObject { ["status"] = response.Status });
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
