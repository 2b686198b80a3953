using System.Text.Json;
using Platform.Messaging.Templating;
using Platform.Records;
using Platform.Templates;

namespace Platform.Workflows.Effects;

/// <summary>Renders workflow templates with the platform's sandboxed Scriban <see cref="TemplateRenderer"/>.</summary>
public sealed class ScribanWorkflowTemplates(TemplateRenderer renderer, RecordService records) : IWorkflowTemplates
{
    public Task<string> RenderAsync(WorkflowTemplate template, CancellationToken ct)
    {
        var model = new TemplateModel
        {
            Record = template.Entity is { } entity && template.Record is { } row ? TemplateRecords.From(template.Runtime, entity, row) : null,
            Records = new RecordTemplateLoader(records, template.Runtime, template.Actor),
            User = new Dictionary<string, object?> { ["id"] = template.Actor.UserId, ["name"] = template.Actor.Name },
            Variables = new Dictionary<string, object?>
            {
                ["variables"] = JsonSerializer.SerializeToElement(template.Variables),
                ["input"] = template.Input is null ? null : JsonSerializer.SerializeToElement(template.Input),
            },
        };
        // Inline templates include nothing: module template files are not kept at install (see SendEmailActivity).
        return renderer.RenderAsync(template.Runtime.Id, template.Name, template.Text, model, files: null, ct);
    }
}
