using Platform.Workflows.Activities;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Runtime;

/// <summary>The services activities use while running, handed to them in their context.</summary>
public sealed class WorkflowRunServices(WorkflowExpressions expressions, IWorkflowTemplates templates, ActivityRegistry registry)
{
    public WorkflowExpressions Expressions => expressions;
    public IWorkflowTemplates Templates => templates;
    public ActivityRegistry Registry => registry;
}
