using System.Text.Json;
using Platform.Messaging.Templating;
using Platform.Records;
using Platform.Templates;
using Platform.Workflows.Templates;

namespace Platform.Workflows.Effects;

/// <summary>
/// Renders workflow templates with the platform's sandboxed Scriban <see cref="TemplateRenderer"/>: inline text, or a
/// file of the tenant's installed modules when the input names one (<see cref="TemplateReference"/>). Either may include
/// the tenant's template files. The renderer's cache is keyed by tenant, so one tenant's file never renders for another.
/// </summary>
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
        var files = new InstalledTemplateFiles(template.Runtime.Definitions);
        return TemplateReference.FilePath(template.Text) is { } file
            ? renderer.RenderFileAsync(template.Runtime.Id, file, model, files, ct)
            : renderer.RenderAsync(template.Runtime.Id, template.Name, template.Text, model, files, ct);
    }
}
