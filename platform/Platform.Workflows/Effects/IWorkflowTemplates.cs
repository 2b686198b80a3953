using System.Text.Json.Nodes;
using Platform.Records;
using Platform.Runtime;

namespace Platform.Workflows.Effects;

/// <summary>Renders <c>{"template": "..."}</c> inputs; <see cref="ScribanWorkflowTemplates"/> is the platform's.</summary>
public interface IWorkflowTemplates
{
    /// <exception cref="Platform.Templates.TemplateException">The template does not parse or fails while rendering.</exception>
    Task<string> RenderAsync(WorkflowTemplate template, CancellationToken ct);
}

/// <summary>
/// A template input and what it sees: <c>record</c> (the instance's record as <paramref name="Actor"/> reads it, with
/// lookups), <c>user</c> (the actor), <c>variables</c> and <c>input</c>.
/// </summary>
/// <param name="Name">Where the template is written (<c>workflow:activity.input</c>), for errors.</param>
public sealed record WorkflowTemplate(
    TenantRuntime Runtime, string Name, string Text, RecordActor Actor, string? Entity, IReadOnlyDictionary<string, object?>? Record, JsonObject Variables, JsonNode? Input);
