using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Workflows.Effects;

/// <summary>
/// Substitutes <c>{{ path.to.value }}</c> with the value at that path of the model (empty when absent); no logic, no
/// filters. Enough for subjects until the Scriban renderer is wired in.
/// </summary>
public sealed partial class PathTemplates : IWorkflowTemplates
{
    public Task<string> RenderAsync(string template, JsonObject model, CancellationToken ct) =>
        Task.FromResult(Placeholder().Replace(template, match => Resolve(model, match.Groups[1].Value)));

    private static string Resolve(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
            node = node is JsonObject obj ? obj[part] : null;
        return node switch
        {
            null => "",
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => node.ToJsonString(),
        };
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}")]
    private static partial Regex Placeholder();
}
