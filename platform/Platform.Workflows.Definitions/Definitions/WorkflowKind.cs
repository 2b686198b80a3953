using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;
using Platform.Workflows.Activities;
using Platform.Workflows.Templates;
using Platform.Workflows.Validation;

namespace Platform.Workflows.Definitions;

/// <summary>
/// <c>workflows/&lt;id&gt;.json</c> in a module: read against <c>schemas/workflow.schema.json</c>, then checked by
/// <see cref="WorkflowValidator"/> (activity types and inputs, ports, connections, reachability, expressions, trigger
/// entities and fields, runAs roles) with every problem's file and JSON pointer. Applying the module publishes each
/// workflow as its next version (the runtime's <c>ModuleWorkflowPublisher</c>).
/// </summary>
public sealed class WorkflowKind(IActivityDescriptions registry) : DocumentKind<WorkflowFile>
{
    /// <summary>For hosts without the runtime (the CLI): the built-in activity types' descriptions.</summary>
    public WorkflowKind() : this(ActivityDescriptions.BuiltIn) { }

    public override string Name => "workflow";

    public override string Folder => "workflows";

    public override string NameOf(WorkflowFile document) => document.Id;

    protected override IEnumerable<DefinitionError> Check(DocumentValidationContext context, IReadOnlyList<KindDocument<WorkflowFile>> documents)
    {
        var validator = new WorkflowValidator(registry);
        var references = new WorkflowReferences(context.FindEntity,
            role => context.Modules.SelectMany(m => m.Roles).Any(r => r.Document.Name == role),
            file => ModuleTemplates.Find(context.Modules, file) is not null);
        foreach (var workflow in documents)
            foreach (var error in validator.Validate(workflow.Document.ToJson(), workflow.File, null, references))
                yield return workflow.Error(error.Pointer, error.Message);
    }
}
