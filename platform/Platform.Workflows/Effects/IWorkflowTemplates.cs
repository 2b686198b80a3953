using System.Text.Json.Nodes;

namespace Platform.Workflows.Effects;

/// <summary>
/// Renders <c>{"template": "..."}</c> inputs. The Scriban renderer of the messaging feature replaces
/// <see cref="PathTemplates"/> at integration.
/// </summary>
public interface IWorkflowTemplates
{
    Task<string> RenderAsync(string template, JsonObject model, CancellationToken ct);
}
